using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Tests.Operator;

namespace Zentoria.Reconciler.Tests.Reconciliation.Observe;

/// <summary>
/// The observation against the simulator: what it reads, and how a failed read ends it. From the second observation
/// on, the config reads of containers the last listing placed go out with the listing; those tests observe once first.
/// </summary>
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

    [Test]
    public async Task A_later_observation_sends_its_config_reads_while_the_listing_is_still_on_its_way()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        var existing = (await observer.ObserveAsync(op.Desired, CancellationToken.None)).Containers.Length;
        op.Simulator.Faults.Add(FaultRule.Latency(TimeSpan.FromMinutes(5)) with { Route = Routes.Resources });
        var pending = op.Calls(Routes.Pending);
        using var cancel = new CancellationTokenSource();

        var observation = observer.ObserveAsync(op.Desired, cancel.Token);
        var readEarly = await ChildProcess.UntilAsync(() => op.Calls(Routes.Pending) - pending == existing, TimeSpan.FromSeconds(20));
        var listed = observation.IsCompleted;
        await cancel.CancelAsync();

        Assert.That((readEarly, listed, existing), Is.EqualTo((true, false, 6)));
        Assert.CatchAsync<OperationCanceledException>(() => observation);
    }

    [Test]
    public async Task A_container_moved_to_another_node_since_the_last_listing_is_read_again_where_it_now_lives()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        var before = (await observer.ObserveAsync(op.Desired, CancellationToken.None)).Containers;
        op.Simulator.Cluster.AddNode("pve2");
        op.Simulator.Cluster.Move(442, "pve2");
        var pending = op.Calls(Routes.Pending);

        var live = await observer.ObserveAsync(op.Desired, CancellationToken.None);

        var (was, moved) = (before.Single(c => c.VmId.Value == 442), live.Containers.Single(c => c.VmId.Value == 442));
        Assert.Multiple(() =>
        {
            Assert.That((moved.Node.Value, moved.Hostname, moved.MemoryMiB, moved.DiskGiB), Is.EqualTo(("pve2", was.Hostname, was.MemoryMiB, was.DiskGiB)));
            Assert.That(live.Containers.Select(c => c.VmId), Is.EquivalentTo(before.Select(c => c.VmId)));
            Assert.That(op.Calls(Routes.Pending) - pending, Is.EqualTo(before.Length + 1), "one read where it was, one where it is");
        });
    }

    [Test]
    public async Task A_container_deleted_since_the_last_listing_is_missing_from_the_next_observation_rather_than_failing_it()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        var before = (await observer.ObserveAsync(op.Desired, CancellationToken.None)).Containers;
        op.Simulator.Cluster.Delete(442);

        var live = await observer.ObserveAsync(op.Desired, CancellationToken.None);

        Assert.That(live.Containers.Select(c => c.VmId), Is.EquivalentTo(before.Select(c => c.VmId).Where(v => v != new VmId(442))));
    }

    [Test]
    public async Task A_read_sent_with_the_listing_that_fails_once_is_made_again_after_it_and_the_observation_succeeds()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        var before = (await observer.ObserveAsync(op.Desired, CancellationToken.None)).Containers;
        op.Simulator.Faults.Add(FaultRule.Error(403, "Permission check failed (/vms/442, VM.Audit)") with { Route = Routes.Pending, VmId = 442, Times = 1 });
        var pending = op.Calls(Routes.Pending);

        var live = await observer.ObserveAsync(op.Desired, CancellationToken.None);

        Assert.That((live.Containers.Select(c => c.VmId), op.Calls(Routes.Pending) - pending), Is.EqualTo((before.Select(c => c.VmId), before.Length + 1)));
    }

    [Test]
    public async Task A_container_still_there_whose_reads_keep_failing_ends_the_observation_with_their_own_error()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        await observer.ObserveAsync(op.Desired, CancellationToken.None);
        op.Simulator.Faults.Add(FaultRule.Error(403, "Permission check failed (/vms/442, VM.Audit)") with { Route = Routes.Pending, VmId = 442 });

        var failure = Assert.CatchAsync<ProxmoxException>(() => observer.ObserveAsync(op.Desired, CancellationToken.None));

        Assert.That((failure!.StatusCode, failure.ServerMessage), Is.EqualTo(((int?)403, "Permission check failed (/vms/442, VM.Audit)")));
    }

    [Test]
    public async Task A_listing_that_fails_while_reads_are_in_flight_ends_the_observation_with_the_listing_error()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var observer = op.Host.Services.GetRequiredService<LiveObserver>();
        await observer.ObserveAsync(op.Desired, CancellationToken.None);
        op.Simulator.Faults.Add(FaultRule.Error(403, "Permission check failed (/, Sys.Audit)") with { Route = Routes.Resources });

        var failure = Assert.CatchAsync<ProxmoxException>(() => observer.ObserveAsync(op.Desired, CancellationToken.None));

        Assert.That((failure!.StatusCode, failure.ServerMessage), Is.EqualTo(((int?)403, "Permission check failed (/, Sys.Audit)")));
    }
}
