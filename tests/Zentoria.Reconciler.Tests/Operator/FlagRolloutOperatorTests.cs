using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Status;
using UnitKind = Zentoria.Reconciler.Reconciliation.UnitKind;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>A progressive flag in the whole operator: it watches the owning service's unit in the operator's status.</summary>
[TestFixture]
internal sealed class FlagRolloutOperatorTests
{
    [Test]
    public async Task A_progressive_flag_waits_at_its_baseline_until_the_owning_service_is_healthy()
    {
        // The operator keeps real time: its container steps wait for the simulator's tasks, which end in real time.
        var guests = new SimulatedGuests(new FakeTimeProvider());
        await using var op = await OperatorOnSimulator.StartAsync(guests: guests, edit: o => o.Edit("base/feature-flags.yaml",
            "new-vector-db:         { enabled: false, rollout: 0,", "new-vector-db:         { enabled: true, rollout: 100,"));

        await op.PassAsync();

        var unit = op.Status.Find(new UnitKey(UnitKind.FeatureFlags, "gateway-flags"))!;
        Assert.Multiple(() =>
        {
            // The gateway itself waits for its dependencies in the same pass, so it is Progressing or Unknown here.
            Assert.That(unit.Message, Does.StartWith("new-vector-db at 0% (before step 1 of 4); waiting for mcp-gateway to be Healthy (it is ").And.EndWith(") before 5%."));
            Assert.That((unit.Sync, unit.Health), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Progressing)));
            Assert.That(File.Exists(Path.Join(op.StateFolder, FlagRolloutStore.FileName)), Is.True);
        });
    }
}
