using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Tests.Operator;

namespace Zentoria.Reconciler.Tests.Reconciliation.Observe;

/// <summary>The observation against the simulator: what it reads, and how a failed read ends it.</summary>
internal sealed class LiveObserverTests
{
    [Test]
    public async Task An_observation_reads_the_cluster_once_and_each_existing_desired_container_once()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var desired = op.Desired;
        var existing = desired.Containers.Where(c => op.Simulator.Cluster.FindContainer(c.VmId.Value) is not null).Select(c => c.VmId).ToList();
        var (resources, pending) = (op.Calls(Routes.Resources), op.Calls(Routes.Pending));

        var live = await op.Host.Services.GetRequiredService<LiveObserver>().ObserveAsync(desired, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(live.Containers.Select(c => c.VmId), Is.EquivalentTo(existing));
            Assert.That(op.Calls(Routes.Resources) - resources, Is.EqualTo(1));
            Assert.That(op.Calls(Routes.Pending) - pending, Is.EqualTo(existing.Count));
        });
    }

    [Test]
    public async Task A_config_read_that_fails_ends_the_observation_with_its_own_error_not_the_cancellation_of_the_others()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        op.Simulator.Faults.Add(FaultRule.Error(403, "Permission check failed (/vms/442, VM.Audit)") with { Route = Routes.Pending, VmId = 442 });

        var failure = Assert.CatchAsync<ProxmoxException>(() => op.Host.Services.GetRequiredService<LiveObserver>().ObserveAsync(op.Desired, CancellationToken.None));

        Assert.That((failure!.StatusCode, failure.ServerMessage), Is.EqualTo(((int?)403, "Permission check failed (/vms/442, VM.Audit)")));
    }
}
