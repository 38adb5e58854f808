using System.Runtime.Versioning;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Rollouts;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>What a blue/green release finds after a run was cut short inside a step, with the rig's real parts.</summary>
[Category("Integration")]
[NonParallelizable]
[SupportedOSPlatform("linux")]
internal sealed class BlueGreenCutShortTests
{
    private const int MaxPasses = 6;

    [Test]
    public async Task A_clone_source_snapshot_left_by_a_run_killed_between_clone_and_cleanup_goes_when_the_clone_does()
    {
        await using var rig = await GatewayRig.StartAsync(StrategyKind.BlueGreen, TimeSpan.Zero);
        Assert.That(await rig.SettleAsync(MaxPasses), Is.LessThanOrEqualTo(MaxPasses), rig.Describe());
        var (node, original, clone) = (new NodeName("pve"), new VmId(GuestBackends.Original), new VmId(GuestBackends.Clone));
        var snapshot = BlueGreenDeploy.CloneSource;

        // What the clone step leaves when the operator dies after the clone task and before the snapshot's removal.
        using (var client = rig.Operator.Client())
        {
            await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(node, original, snapshot, CancellationToken.None), CancellationToken.None);
            var request = new ContainerCloneRequest { NewId = clone, Hostname = "backend-clone", SnapshotName = snapshot };
            await client.Tasks.WaitAsync(await client.Containers.CloneAsync(node, original, request, CancellationToken.None), CancellationToken.None);
        }

        var passes = await rig.ReleaseAsync(MaxPasses);

        Assert.Multiple(() =>
        {
            Assert.That(passes, Is.LessThanOrEqualTo(MaxPasses), rig.Describe());
            Assert.That(rig.CloneExists, Is.False, "the clone is destroyed");
            Assert.That(rig.Operator.Live(GuestBackends.Original).Snapshots, Does.Not.Contain(snapshot), "its source snapshot went with it");
        });
    }
}
