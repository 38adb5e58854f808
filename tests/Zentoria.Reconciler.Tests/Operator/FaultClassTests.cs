using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>Every fault class ends the unit Degraded with a backoff (or Stalled), never a crash; clearing it converges.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class FaultClassTests
{
    [Test]
    public Task A_container_lock_held_by_a_backup_backs_off_and_converges_once_released() =>
        BacksOffThenConvergesAsync(o => o.Simulator.Cluster.SetLock(441, "backup"), o => o.Simulator.Cluster.SetLock(441, null), "backend");

    [Test]
    public Task A_config_lock_timeout_backs_off_and_converges_once_gone() =>
        BacksOffThenConvergesAsync(o => o.Simulator.Faults.Add(FaultRule.LockTimeout() with { Route = Routes.PutConfig }), Clear, "backend");

    [Test]
    public Task An_unreachable_node_595_backs_off_and_converges_once_back() =>
        BacksOffThenConvergesAsync(o => o.Simulator.Faults.Add(FaultRule.NodeUnreachable() with { Route = Routes.PutConfig }), Clear, "backend");

    [Test]
    public Task A_proxy_failure_596_backs_off_and_converges_once_gone() =>
        BacksOffThenConvergesAsync(o => o.Simulator.Faults.Add(FaultRule.ProxyFailure() with { Route = Routes.PutConfig }), Clear, "backend");

    [Test]
    public Task A_digest_conflict_on_every_write_backs_off_after_one_re_read_and_converges_once_gone() =>
        BacksOffThenConvergesAsync(
            o => o.Simulator.Faults.Add(FaultRule.Error(500, "detected modified configuration - file changed by other user? Try again.") with { Route = Routes.PutConfig }),
            Clear,
            "backend");

    [Test]
    public async Task A_failed_start_task_degrades_the_unit_without_a_crash_or_a_retry_in_the_same_pass()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        op.Simulator.Faults.Add(FaultRule.FailTask("startup for container '443' failed") with { Route = Routes.Start, VmId = 443 });

        var pass = await op.PassAsync();

        var qdrant = op.Container("qdrant");
        Assert.Multiple(() =>
        {
            Assert.That(pass.Outcome, Is.EqualTo(PassOutcome.Error));
            Assert.That(qdrant.Health, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(qdrant.Phase, Is.AnyOf("Retrying", "Stalled"));
            Assert.That(op.Calls(Routes.Start), Is.EqualTo(2), "one failed start of 443, one start of the created 444");
            Assert.That(op.Container("backend").Sync, Is.EqualTo(SyncStatus.Synced), "one unit's failure does not stop the others");
        });
    }

    [Test]
    public async Task An_expired_token_fails_the_observation_and_no_unit_is_planned_against_an_empty_snapshot()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        op.Simulator.Access.ExpireToken(op.Simulator.Token.Split('=')[0]);

        var pass = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pass.Outcome, Is.EqualTo(PassOutcome.Error));
            Assert.That(pass.Observed, Is.False);
            Assert.That(op.Calls(Routes.Create), Is.Zero);
            Assert.That(op.Container("backend").Phase, Is.EqualTo("Retrying"));
            Assert.That(op.Container("backend").Message, Does.StartWith("Cannot observe Proxmox"));
            Assert.That(NotDue(op, "backend"), Is.True, "the unit waits out a backoff");
        });
    }

    // After a good observation the observer knows where the containers are and sends their reads with the listing: the
    // outage must cost those guesses once, not every pass.
    [TestCase(false)]
    [TestCase(true)]
    public async Task A_ten_minute_outage_costs_a_bounded_number_of_requests(bool afterAGoodPass)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var op = await OperatorOnSimulator.StartAsync(time: time);
        if (afterAGoodPass)
        {
            await op.Host.Services.GetRequiredService<LiveObserver>().ObserveAsync(op.Desired, CancellationToken.None);
            op.Simulator.Requests.Reset();
        }

        op.Simulator.Faults.Add(FaultRule.NodeUnreachable());
        var loop = op.Loop;
        var end = time.GetUtcNow() + TimeSpan.FromMinutes(10);

        var passes = 0;
        while (time.GetUtcNow() < end && passes < 1_000)
        {
            var pass = loop.RunPassAsync(CancellationToken.None);
            // The client's retry delays run on the fake clock: move it on while the pass waits.
            for (var turns = 0; !pass.IsCompleted && turns < 10_000; turns++)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.WhenAny(pass, Task.Delay(1));
            }

            time.Advance(await pass);
            passes++;
        }

        var requests = op.Simulator.Requests.Total;
        TestContext.Out.WriteLine($"10 simulated minutes of 595: {passes} passes, {requests} requests");
        Assert.Multiple(() =>
        {
            Assert.That(requests, Is.LessThanOrEqualTo(200), "a pass every second would cost 600 passes of 4 attempts");
            Assert.That(passes, Is.LessThanOrEqualTo(60), "units back off, with jitter, up to the 30 s interval");
            Assert.That(op.Calls(Routes.Create), Is.Zero);
            Assert.That(op.Container("backend").Phase, Is.EqualTo("Retrying"));
        });
    }

    [Test]
    public async Task An_invalid_desired_state_mid_run_keeps_the_last_valid_one_enforced_and_shows_its_errors()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        await op.PassAsync();
        var valid = op.Status.Snapshot.Revision;
        op.Overlay("127.0.2.241/8", "  resources: { memoryMiB: -5 }");
        op.Simulator.Cluster.SetRunning(443, false);

        await op.PassAsync();

        var snapshot = op.Status.Snapshot;
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.Revision, Is.EqualTo(valid));
            Assert.That(snapshot.InvalidRevision, Is.Not.Null);
            Assert.That(snapshot.ValidationErrors, Has.Some.Contains("stack.yaml"));
            Assert.That(op.Live(443).Running, Is.True, "the last valid state is still enforced");
            Assert.That(op.Live(441).Config["memory"], Is.EqualTo("4096"));
        });
    }

    private static void Clear(OperatorOnSimulator op) => op.Simulator.Faults.Clear();

    private static async Task BacksOffThenConvergesAsync(Action<OperatorOnSimulator> inject, Action<OperatorOnSimulator> clear, string unit)
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        inject(op);

        var failing = await op.PassAsync();
        var degraded = op.Container(unit);
        var waits = NotDue(op, unit);
        clear(op);
        var recovered = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failing.Outcome, Is.EqualTo(PassOutcome.Error));
            Assert.That((degraded.Sync, degraded.Health, degraded.Phase), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Degraded, "Retrying")));
            Assert.That(degraded.LastError, Is.Not.Null);
            Assert.That(waits, Is.True, "the unit waits out a backoff instead of retrying at once");
            Assert.That(recovered.Outcome, Is.EqualTo(PassOutcome.Success));
            Assert.That((op.Container(unit).Sync, op.Container(unit).Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
        });
    }

    private static bool NotDue(OperatorOnSimulator op, string name)
    {
        var spec = op.Desired.FindContainer(new ContainerName(name))!;
        return op.Host.Services.GetRequiredService<UnitScheduler>().Decide(new UnitKey(UnitKind.Container, name), SpecFingerprint.Of(spec)) == UnitDecision.NotDue;
    }
}
