using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// Drift modes warn and suspend on the sandbox's three drifted containers (441 at half memory, 443 stopped, 444
/// missing): the operator reports and the simulator's state stays exactly as seeded.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class DriftPolicyTests
{
    // The sandbox overlay's network lines of backend (441), qdrant (443) and ai (444).
    private static readonly string[] DriftedAddresses = ["127.0.2.241/8", "127.0.2.243/8", "127.0.2.245/8"];

    [Test]
    public async Task Warn_reports_the_drift_and_changes_nothing_in_proxmox()
    {
        await using var op = await StartWithDriftMode("warn");
        var before = Seeded(op);

        var first = await op.PassAsync();
        var second = await op.PassAsync();

        var backend = op.Container("backend");
        var metrics = await MetricsAsync(op);
        Assert.Multiple(() =>
        {
            AssertUntouched(op, before);
            Assert.That(first.ActionsTaken + second.ActionsTaken, Is.Zero);
            Assert.That((backend.Sync, backend.Health, backend.Phase), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Healthy, "DriftReported")));
            Assert.That(backend.Message, Is.EqualTo("Differs from the desired state; the drift is reported, not corrected."));
            Assert.That(op.Container("qdrant").Sync, Is.EqualTo(SyncStatus.OutOfSync));
            Assert.That(op.Container("ai").Sync, Is.EqualTo(SyncStatus.OutOfSync));
            Assert.That(op.Container("frontend").Sync, Is.EqualTo(SyncStatus.Synced), "units without drift are reported as usual");
            Assert.That(metrics, Does.Contain("zentoria_drift{kind=\"Container\",name=\"backend\"} 1"));
            Assert.That(metrics, Does.Contain("zentoria_unit_info{kind=\"Container\",name=\"backend\",sync=\"OutOfSync\",health=\"Healthy\"} 1"));
            Assert.That(AuditedUnits(op), Is.Empty, "no mutation, so no audit line");
        });
    }

    [Test]
    public async Task Suspend_marks_the_units_suspended_and_changes_nothing_in_proxmox()
    {
        await using var op = await StartWithDriftMode("suspend");
        var before = Seeded(op);

        var first = await op.PassAsync();
        var second = await op.PassAsync();

        Assert.Multiple(() =>
        {
            AssertUntouched(op, before);
            Assert.That(first.ActionsTaken + second.ActionsTaken, Is.Zero);
            foreach (var name in new[] { "backend", "qdrant", "ai" })
            {
                var unit = op.Container(name);
                Assert.That((unit.Health, unit.Phase), Is.EqualTo((HealthStatus.Suspended, "Suspended")), name);
            }

            Assert.That(op.Container("frontend").Health, Is.EqualTo(HealthStatus.Healthy));
            Assert.That(AuditedUnits(op), Is.Empty, "no mutation, so no audit line");
        });
    }

    private static Task<OperatorOnSimulator> StartWithDriftMode(string mode) =>
        OperatorOnSimulator.StartAsync(edit: o =>
        {
            foreach (var address in DriftedAddresses)
            {
                o.Overlay(address, $"  drift: {{ mode: {mode} }}");
            }
        });

    private static Dictionary<int, ContainerView?> Seeded(OperatorOnSimulator op) =>
        new[] { 441, 443, 444 }.ToDictionary(vmid => vmid, op.Simulator.Cluster.FindContainer);

    private static void AssertUntouched(OperatorOnSimulator op, Dictionary<int, ContainerView?> before)
    {
        var mutations = op.Simulator.Requests.ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Value > 0);
        Assert.That(mutations, Is.Empty, "only reads reached the simulator");
        Assert.That(op.Calls(Routes.Pending), Is.GreaterThan(0), "the containers were observed");
        var backend = op.Live(441);
        Assert.That(backend.Config, Is.EquivalentTo(before[441]!.Config));
        Assert.That(backend.Digest, Is.EqualTo(before[441]!.Digest));
        Assert.That(backend.Config["memory"], Is.EqualTo("2048"), "still the seeded half");
        Assert.That(op.Live(443).Running, Is.False);
        Assert.That(op.Live(443).Digest, Is.EqualTo(before[443]!.Digest));
        Assert.That(op.Simulator.Cluster.FindContainer(444), Is.Null);
    }

    private static async Task<string> MetricsAsync(OperatorOnSimulator op)
    {
        using var buffer = new MemoryStream();
        await op.Host.Services.GetRequiredService<OperatorMetrics>().WriteAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<string?> AuditedUnits(OperatorOnSimulator op)
    {
        var path = Path.Join(op.StateFolder, "audit.jsonl");
        return File.Exists(path)
            ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("unit").GetString())]
            : [];
    }
}
