using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Observability;

/// <summary>What a driver reports through <see cref="RolloutReporter"/> reaches <c>/status</c> and <c>/metrics</c> of a real operator.</summary>
[Category("Integration")]
internal sealed class RolloutReporterTests
{
    private static readonly UnitKey Frontend = new(UnitKind.Service, "frontend");

    private static readonly RolloutStatus Step2 = new("Canary", nameof(RolloutPhase.Progressing), "v1.5.0", "weight 25 %", 2, 3, 75, 25,
        "Pass: error-rate 0.4 %, latency-p99 0.012 s, 120 requests",
        ImmutableDictionary<string, double>.Empty.Add("error-rate", 0.4).Add("latency-p99", 0.012).Add("samples", 120).Add("health-failures", 0),
        new DateTimeOffset(2026, 11, 26, 11, 58, 0, TimeSpan.Zero));

    [Test]
    public async Task A_reported_step_sets_the_phase_the_weights_and_the_analysis_values_in_metrics_and_status()
    {
        await using var op = await StartAsync();

        Reporter(op).Report(Frontend, Step2);

        var metrics = await MetricsAsync(op);
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Where(l => l.StartsWith("zentoria_rollout_phase{service=\"frontend\"", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "zentoria_rollout_phase{service=\"frontend\",phase=\"Progressing\"} 1" }));
            Assert.That(metrics, Does.Contain("zentoria_rollout_phase{service=\"frontend\",phase=\"Idle\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"stable\"} 75"));
            Assert.That(metrics, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"canary\"} 25"));
            Assert.That(metrics, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"error-rate\"} 0.4"));
            Assert.That(metrics, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"latency-p99\"} 0.012"));
            Assert.That(metrics, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"samples\"} 120"));
            Assert.That(op.Host.Services.GetRequiredService<StatusStore>().Find(Frontend)?.Rollout, Is.EqualTo(Step2));
        });
    }

    [Test]
    public async Task Each_report_replaces_the_last_so_only_the_newest_phase_is_one()
    {
        await using var op = await StartAsync();

        Reporter(op).Report(Frontend, Step2);
        Reporter(op).Report(Frontend, Step2 with { Phase = nameof(RolloutPhase.RollingBack), StableWeight = 100, CanaryWeight = 0 });
        Reporter(op).Report(Frontend, Step2 with { Phase = nameof(RolloutPhase.Failed), StableWeight = 100, CanaryWeight = 0 });

        var metrics = await MetricsAsync(op);
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Where(l => l.StartsWith("zentoria_rollout_phase{", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "zentoria_rollout_phase{service=\"frontend\",phase=\"Failed\"} 1" }));
            Assert.That(metrics, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"canary\"} 0"));
            Assert.That(metrics, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"stable\"} 100"));
        });
    }

    [Test]
    public async Task Reporting_no_release_clears_status_and_shows_the_phase_idle()
    {
        await using var op = await StartAsync();
        Reporter(op).Report(Frontend, Step2);

        Reporter(op).Report(Frontend, null);

        var metrics = await MetricsAsync(op);
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Where(l => l.StartsWith("zentoria_rollout_phase{", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal)),
                Is.EqualTo(new[] { "zentoria_rollout_phase{service=\"frontend\",phase=\"Idle\"} 1" }));
            Assert.That(op.Host.Services.GetRequiredService<StatusStore>().Find(Frontend)?.Rollout, Is.Null);
        });
    }

    [Test]
    public async Task A_secret_in_the_reported_analysis_reaches_neither_status_nor_metrics()
    {
        await using var op = await StartAsync();

        Reporter(op).Report(Frontend, Step2 with { Analysis = $"Inconclusive: query refused for token {RunningOperator.Token}" });

        var status = await op.Client.GetStringAsync(new Uri("/status", UriKind.Relative));
        var metrics = await op.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.That(status, Does.Contain("query refused for token ").And.Not.Contain(RunningOperator.Token));
        Assert.That(metrics, Does.Not.Contain(RunningOperator.Token));
    }

    private static Task<RunningOperator> StartAsync() =>
        RunningOperator.StartAsync(configureServices: services => services.AddSingleton<RolloutReporter>());

    private static RolloutReporter Reporter(RunningOperator op) => op.Host.Services.GetRequiredService<RolloutReporter>();

    private static async Task<List<string>> MetricsAsync(RunningOperator op) =>
        [.. (await op.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n').Where(l => l.StartsWith("zentoria_", StringComparison.Ordinal))];
}
