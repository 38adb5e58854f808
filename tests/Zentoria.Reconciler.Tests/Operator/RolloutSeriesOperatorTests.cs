using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>The release series exist from the first pass on, in the operator's metrics, so alerts work before any release.</summary>
[Category("Integration")]
internal sealed class RolloutSeriesOperatorTests
{
    [Test]
    public async Task After_the_first_pass_blue_green_and_canary_services_have_their_release_series_at_zero_and_rolling_ones_none()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        await op.PassAsync();

        using var buffer = new MemoryStream();
        await op.Host.Services.GetRequiredService<OperatorMetrics>().WriteAsync(buffer, CancellationToken.None);
        var metrics = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(metrics, Does.Contain("zentoria_rollout_phase{service=\"mcp-gateway\",phase=\"Failed\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_rollout_phase{service=\"frontend\",phase=\"Paused\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"canary\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"health-failures\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_rollouts_total{service=\"frontend\",strategy=\"Canary\",result=\"rolled_back\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_rollbacks_total{service=\"mcp-gateway\",reason=\"manual\"} 0"));
            Assert.That(metrics.Where(l => l.Contains("service=\"ai-orchestrator\"", StringComparison.Ordinal)), Is.Empty);
        });
    }
}
