using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Reconciliation.Flags;

/// <summary>Progressive flag rollout (issue 5 item 10) on a fake clock, through a simulated guest's flags file.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class FlagRolloutTests
{
    private const string Flag = "search";
    private const string Steps = "    chat: { enabled: true, rollout: 50 }\n    search: { enabled: true, rollout: 100, steps: [5, 25, 50, 100], interval: 1h }\n";

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Test]
    public async Task Steps_advance_one_per_interval_while_the_owning_service_stays_healthy()
    {
        using var h = new FlagRolloutHarness(Steps);
        h.ServiceIs(HealthStatus.Healthy);
        var seen = new List<int>();

        for (var i = 0; i < 5; i++)
        {
            await h.PassAsync();
            seen.Add(h.Rollout(Flag));
            h.Time.Advance(Hour);
        }

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EqualTo(new[] { 5, 25, 50, 100, 100 }));
            Assert.That(h.Rollout("chat"), Is.EqualTo(50));
            Assert.That(h.Writes, Is.EqualTo(4), "one write per step, none once complete");
            Assert.That((h.Unit.Sync, h.Unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
            Assert.That(h.HasRolloutRecord, Is.False, "a finished rollout leaves no record");
        });
    }

    [Test]
    public async Task No_step_is_taken_before_the_interval_has_passed_and_status_shows_the_step_and_the_next_time()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);
        h.Time.Advance(Hour - TimeSpan.FromSeconds(1));

        var result = await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(h.Rollout(Flag), Is.EqualTo(25));
            Assert.That(h.Writes, Is.EqualTo(2));
            Assert.That(result, Is.EqualTo(new RequeueAfter(TimeSpan.FromSeconds(1), h.Unit.Message)));
            Assert.That(h.Unit.Message, Is.EqualTo("search at 25% (step 2 of 4); next 50% at 2026-11-26T14:00:00Z while api stays Healthy."));
            Assert.That((h.Unit.Sync, h.Unit.Health), Is.EqualTo((SyncStatus.OutOfSync, HealthStatus.Progressing)));
        });
    }

    [Test]
    public async Task An_unhealthy_owning_service_returns_the_flag_to_the_last_good_step_and_it_holds_there()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        h.ServiceIs(HealthStatus.Degraded);

        await h.PassAsync();
        var rolledBack = (h.Rollout(Flag), h.Unit.Health, h.Unit.Message);
        h.ServiceIs(HealthStatus.Healthy);
        for (var i = 0; i < 3; i++)
        {
            h.Time.Advance(Hour);
            await h.PassAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(rolledBack.Item1, Is.EqualTo(5));
            Assert.That(rolledBack.Health, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(rolledBack.Message, Does.StartWith("search rolled back from 25% to 5% because api is Degraded"));
            Assert.That(h.Rollout(Flag), Is.EqualTo(5), "held at the last good step although the service recovered");
            Assert.That(h.Unit.Message, Does.StartWith("search held at 5% since a rollback (api was Degraded at 25% at 2026-11-26T13:10:00Z)"));
            Assert.That(h.Unit.Phase, Is.EqualTo("Held"));
            Assert.That(h.Writes, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_last_step_is_watched_too_and_rolled_back_if_the_service_fails_there()
    {
        using var h = new FlagRolloutHarness(Steps);
        h.ServiceIs(HealthStatus.Healthy);
        for (var i = 0; i < 4; i++)
        {
            await h.PassAsync();
            h.Time.Advance(i < 3 ? Hour : TimeSpan.FromMinutes(30));
        }

        var atTheTop = (h.Rollout(Flag), h.Unit.Sync);
        h.ServiceIs(HealthStatus.Missing);
        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(atTheTop, Is.EqualTo((100, SyncStatus.OutOfSync)));
            Assert.That(h.Rollout(Flag), Is.EqualTo(50));
            Assert.That(h.Unit.Message, Does.StartWith("search rolled back from 100% to 50% because api is Missing"));
        });
    }

    [Test]
    public async Task While_the_service_is_not_known_to_be_healthy_no_step_is_taken()
    {
        using var h = new FlagRolloutHarness(Steps);

        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(h.Rollout(Flag), Is.Zero, "the file is written, the flag at its baseline");
            Assert.That(h.Unit.Message, Is.EqualTo("search at 0% (before step 1 of 4); waiting for api to be Healthy (it is Unknown) before 5%."));
        });
    }

    [Test]
    public async Task A_restart_mid_rollout_continues_at_the_same_step()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(30));

        h.Restart();
        h.ServiceIs(HealthStatus.Healthy);
        await h.PassAsync();
        var afterRestart = (h.Rollout(Flag), h.Writes);
        h.Time.Advance(TimeSpan.FromMinutes(30));
        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(afterRestart, Is.EqualTo((25, 2)), "neither restarted from the first step nor moved early");
            Assert.That(h.Rollout(Flag), Is.EqualTo(50), "the step's interval counts from when it was reached, before the restart");
        });
    }

    [Test]
    public async Task A_change_of_steps_continues_from_the_live_percentage_on_the_new_steps()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);
        h.Time.Advance(TimeSpan.FromMinutes(30));

        h.ChangeFlags(Steps.Replace("[5, 25, 50, 100]", "[10, 30, 60, 100]", StringComparison.Ordinal));
        await h.PassAsync();
        var early = h.Rollout(Flag);
        h.Time.Advance(TimeSpan.FromMinutes(30));
        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.EqualTo(25), "25% was reached half an hour ago and is still being watched");
            Assert.That(h.Rollout(Flag), Is.EqualTo(30), "the next of the new steps");
            Assert.That(h.Unit.Message, Does.Contain("(step 2 of 4); next 60% at"));
        });
    }

    [Test]
    public async Task A_change_of_steps_releases_a_hold_and_the_rollout_goes_on_from_the_last_good_step()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);
        h.ServiceIs(HealthStatus.Degraded);
        await h.PassAsync();
        h.ServiceIs(HealthStatus.Healthy);

        h.ChangeFlags(Steps.Replace("[5, 25, 50, 100]", "[5, 10, 100]", StringComparison.Ordinal));
        await h.PassAsync();
        var released = h.Rollout(Flag);
        h.Time.Advance(Hour);
        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(released, Is.EqualTo(10), "5% was proven good, so the next step follows at once");
            Assert.That(h.Rollout(Flag), Is.EqualTo(100));
        });
    }

    [Test]
    public async Task Lowering_a_flag_in_the_middle_of_a_rollout_takes_effect_at_once()
    {
        using var h = new FlagRolloutHarness(Steps);
        await ReachSecondStepAsync(h);

        h.ChangeFlags(Steps.Replace("rollout: 100,", "rollout: 0,", StringComparison.Ordinal));
        await h.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(h.Rollout(Flag), Is.Zero);
            Assert.That((h.Unit.Sync, h.Unit.Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)));
            Assert.That(h.HasRolloutRecord, Is.False);
        });
    }

    // Healthy from the start: 5% at once, 25% an hour later, just written.
    private static async Task ReachSecondStepAsync(FlagRolloutHarness h)
    {
        h.ServiceIs(HealthStatus.Healthy);
        await h.PassAsync();
        h.Time.Advance(Hour);
        await h.PassAsync();
    }
}
