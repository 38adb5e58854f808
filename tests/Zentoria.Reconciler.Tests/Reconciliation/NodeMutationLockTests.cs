using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class NodeMutationLockTests
{
    [Test]
    public async Task A_second_mutation_on_the_same_node_waits_for_the_first()
    {
        using var locks = new NodeMutationLock();
        var first = await locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);

        var second = locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);
        Assert.That(second.IsCompleted, Is.False);

        first.Dispose();
        (await second).Dispose();
    }

    [Test]
    public async Task Mutations_on_different_nodes_do_not_wait_for_each_other()
    {
        using var locks = new NodeMutationLock();
        using var pve = await locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);

        var pve2 = locks.AcquireAsync(new NodeName("pve2"), CancellationToken.None);

        Assert.That(pve2.IsCompletedSuccessfully, Is.True);
        (await pve2).Dispose();
    }

    [Test]
    public async Task Releasing_a_lease_twice_releases_it_once()
    {
        using var locks = new NodeMutationLock();
        var first = await locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);
        first.Dispose();
        first.Dispose();

        using var second = await locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);
        var third = locks.AcquireAsync(new NodeName("pve"), CancellationToken.None);

        Assert.That(third.IsCompleted, Is.False);
        second.Dispose();
        (await third).Dispose();
    }
}
