using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Operator;

[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class PassReportingTests
{
    [Test]
    public async Task A_service_waits_while_the_services_it_depends_on_are_not_healthy()
    {
        // Guests without services: every service is managed, and none answers a health check.
        await using var guests = new SimulatedGuests(TimeProvider.System);
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests);

        await op.PassAsync();

        var frontend = op.Status.Find(new UnitKey(UnitKind.Service, "frontend"))!;
        Assert.Multiple(() =>
        {
            Assert.That(frontend.Phase, Is.EqualTo("Waiting"));
            Assert.That(frontend.Message, Does.Contain("Service/mcp-gateway"));
            Assert.That(frontend.Health, Is.EqualTo(HealthStatus.Progressing));
        });
    }

    [Test]
    public async Task Every_proxmox_request_of_a_pass_is_counted_in_the_metrics_by_route()
    {
        await using var op = await OperatorOnSimulator.StartAsync();

        await op.PassAsync();

        using var buffer = new MemoryStream();
        await op.Host.Services.GetRequiredService<OperatorMetrics>().WriteAsync(buffer, CancellationToken.None);
        var metrics = Encoding.UTF8.GetString(buffer.ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(metrics, Does.Contain("zentoria_proxmox_requests_total{method=\"GET\",route=\"/nodes/{node}/lxc/{vmid}/pending\",code=\"200\"} 6"), "six of the seven exist");
            Assert.That(metrics, Does.Contain("zentoria_proxmox_requests_total{method=\"POST\",route=\"/nodes/{node}/lxc\",code=\"200\"} 1"));
            Assert.That(metrics, Does.Contain("zentoria_actions_total{kind=\"Container\",action=\"create\",result=\"success\"} 1"));
            Assert.That(metrics, Does.Contain("zentoria_unit_info{kind=\"Container\",name=\"ai\",sync=\"Synced\",health=\"Healthy\"} 1"));
        });
    }

    [Test]
    public async Task Each_action_is_one_audit_line_with_before_and_after()
    {
        await using var op = await OperatorOnSimulator.StartAsync();

        await op.PassAsync();

        var lines = await File.ReadAllLinesAsync(Path.Join(op.StateFolder, "audit.jsonl"));
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(4));
            Assert.That(lines, Has.Some.Contains("\"action\":\"update\"").And.Contains("resources.memoryMiB=2048").And.Contains("resources.memoryMiB=4096"));
        });
    }
}
