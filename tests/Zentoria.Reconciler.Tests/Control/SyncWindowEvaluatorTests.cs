using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Tests.Control;

internal sealed class SyncWindowEvaluatorTests
{
    private const string Amsterdam = "Europe/Amsterdam";

    private static readonly SyncWindowSpec NightlyAllow = new(SyncWindowKind.Allow, "0 22 * * *", TimeSpan.FromHours(1), "UTC");

    [Test]
    public void Without_windows_everything_is_allowed()
    {
        Assert.That(SyncWindowEvaluator.Evaluate([], Utc("2026-11-26 12:00"), null).Allowed, Is.True);
    }

    [Test]
    public void A_minute_before_an_allow_window_opens_it_is_closed_and_says_when_it_opens()
    {
        var decision = SyncWindowEvaluator.Evaluate([NightlyAllow], Utc("2026-11-26 21:59"), null);

        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.NextOpening, Is.EqualTo(Utc("2026-11-26 22:00")));
        Assert.That(decision.Reason, Does.Contain("outside every allow window").And.Contain("2026-11-26T22:00Z"));
    }

    [TestCase("2026-11-26 22:00", true, Description = "the opening minute")]
    [TestCase("2026-11-26 22:59", true, Description = "the last minute")]
    [TestCase("2026-11-26 23:00", false, Description = "the closing minute")]
    public void An_allow_window_is_open_from_its_start_for_its_duration(string instant, bool allowed)
    {
        Assert.That(SyncWindowEvaluator.Evaluate([NightlyAllow], Utc(instant), null).Allowed, Is.EqualTo(allowed));
    }

    [Test]
    public void After_an_allow_window_closes_the_next_opening_is_the_next_day()
    {
        var decision = SyncWindowEvaluator.Evaluate([NightlyAllow], Utc("2026-11-26 23:00"), null);

        Assert.That(decision.NextOpening, Is.EqualTo(Utc("2026-11-27 22:00")));
    }

    [Test]
    public void A_deny_window_overrides_an_allow_window_and_opens_when_it_closes()
    {
        var always = new SyncWindowSpec(SyncWindowKind.Allow, "0 0 * * *", TimeSpan.FromHours(24), "UTC");
        var lunch = new SyncWindowSpec(SyncWindowKind.Deny, "0 12 * * *", TimeSpan.FromHours(1), "UTC");

        var during = SyncWindowEvaluator.Evaluate([always, lunch], Utc("2026-11-26 12:30"), null);
        var after = SyncWindowEvaluator.Evaluate([always, lunch], Utc("2026-11-26 13:00"), null);

        Assert.That(during.Allowed, Is.False);
        Assert.That(during.Reason, Does.Contain("deny window '0 12 * * *'"));
        Assert.That(during.NextOpening, Is.EqualTo(Utc("2026-11-26 13:00")));
        Assert.That(after.Allowed, Is.True);
    }

    [Test]
    public void A_deny_window_alone_blocks_only_while_it_is_open()
    {
        var weekend = new SyncWindowSpec(SyncWindowKind.Deny, "0 0 * * sat", TimeSpan.FromHours(48), "UTC");

        Assert.That(SyncWindowEvaluator.Evaluate([weekend], Utc("2026-11-27 23:59"), null).Allowed, Is.True);
        var saturday = SyncWindowEvaluator.Evaluate([weekend], Utc("2026-11-28 00:00"), null);
        Assert.That(saturday.Allowed, Is.False);
        Assert.That(saturday.NextOpening, Is.EqualTo(Utc("2026-11-30 00:00")));
    }

    [Test]
    public void A_window_follows_its_time_zone()
    {
        // 09:00 in Amsterdam is 08:00 UTC in winter (CET, UTC+1) and 07:00 UTC in summer (CEST, UTC+2).
        var morning = new SyncWindowSpec(SyncWindowKind.Allow, "0 9 * * *", TimeSpan.FromHours(1), Amsterdam);

        Assert.That(SyncWindowEvaluator.Evaluate([morning], Utc("2026-11-26 08:00"), null).Allowed, Is.True);
        Assert.That(SyncWindowEvaluator.Evaluate([morning], Utc("2026-11-26 09:00"), null).Allowed, Is.False);
        Assert.That(SyncWindowEvaluator.Evaluate([morning], Utc("2026-07-01 07:00"), null).Allowed, Is.True);
        Assert.That(SyncWindowEvaluator.Evaluate([morning], Utc("2026-07-01 08:00"), null).Allowed, Is.False);
    }

    [Test]
    public void A_window_at_0230_on_the_spring_forward_day_opens_when_the_clocks_jump()
    {
        // 2026-03-29: Amsterdam goes from 02:00 CET to 03:00 CEST at 01:00 UTC; 02:30 does not exist that day.
        var deny = new SyncWindowSpec(SyncWindowKind.Deny, "30 2 * * *", TimeSpan.FromHours(1), Amsterdam);

        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-03-29 00:59"), null).Allowed, Is.True);
        var jumped = SyncWindowEvaluator.Evaluate([deny], Utc("2026-03-29 01:00"), null);
        Assert.That(jumped.Allowed, Is.False);
        Assert.That(jumped.NextOpening, Is.EqualTo(Utc("2026-03-29 02:00")), "the window lasts its duration in elapsed time");
        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-03-28 01:30"), null).Allowed, Is.False, "the day before, 02:30 CET is 01:30 UTC");
        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-03-30 00:30"), null).Allowed, Is.False, "the day after, 02:30 CEST is 00:30 UTC");
    }

    [Test]
    public void A_window_in_the_repeated_autumn_hour_opens_once_at_its_first_occurrence()
    {
        // 2026-10-25: Amsterdam goes from 03:00 CEST back to 02:00 CET at 01:00 UTC; 02:30 happens at 00:30 and 01:30 UTC.
        var deny = new SyncWindowSpec(SyncWindowKind.Deny, "30 2 * * *", TimeSpan.FromMinutes(30), Amsterdam);

        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-10-25 00:29"), null).Allowed, Is.True);
        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-10-25 00:30"), null).Allowed, Is.False);
        Assert.That(SyncWindowEvaluator.Evaluate([deny], Utc("2026-10-25 01:30"), null).Allowed, Is.True, "the repeat does not reopen it");
    }

    [Test]
    public void A_window_across_the_autumn_change_lasts_its_duration_in_elapsed_time()
    {
        // Opens at 00:00 CEST (22:00 UTC the day before); three hours later it is 01:00 UTC, which is 02:00 CET.
        var allow = new SyncWindowSpec(SyncWindowKind.Allow, "0 0 * * *", TimeSpan.FromHours(3), Amsterdam);

        Assert.That(SyncWindowEvaluator.Evaluate([allow], Utc("2026-10-25 00:59"), null).Allowed, Is.True);
        Assert.That(SyncWindowEvaluator.Evaluate([allow], Utc("2026-10-25 01:00"), null).Allowed, Is.False);
    }

    [Test]
    public void A_manual_override_allows_until_its_end()
    {
        var deny = new SyncWindowSpec(SyncWindowKind.Deny, "0 0 * * *", TimeSpan.FromHours(24), "UTC");
        var time = new FakeTimeProvider(Utc("2026-11-26 12:00"));
        var until = Utc("2026-11-26 13:00");

        var overridden = SyncWindowEvaluator.Evaluate([deny], time.GetUtcNow(), until);
        time.Advance(TimeSpan.FromHours(1));
        var lapsed = SyncWindowEvaluator.Evaluate([deny], time.GetUtcNow(), until);

        Assert.That(overridden.Allowed, Is.True);
        Assert.That(overridden.Reason, Does.Contain("manual override until 2026-11-26T13:00Z"));
        Assert.That(lapsed.Allowed, Is.False);
    }

    [Test]
    public void A_window_that_cannot_be_evaluated_keeps_disruptive_steps_waiting()
    {
        var unknown = new SyncWindowSpec(SyncWindowKind.Allow, "0 0 * * *", TimeSpan.FromHours(1), "Mars/Olympus_Mons");

        var decision = SyncWindowEvaluator.Evaluate([unknown], Utc("2026-11-26 00:30"), null);

        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.Reason, Does.Contain("Mars/Olympus_Mons"));
    }

    [Test]
    public void A_window_that_opens_beyond_the_horizon_reports_no_time()
    {
        var yearly = new SyncWindowSpec(SyncWindowKind.Allow, "0 0 1 jan *", TimeSpan.FromHours(1), "UTC");

        var decision = SyncWindowEvaluator.Evaluate([yearly], Utc("2026-03-01 00:00"), null);

        Assert.That(decision.Allowed, Is.False);
        Assert.That(decision.NextOpening, Is.Null);
        Assert.That(decision.Reason, Does.Contain("no opening within 32 days"));
    }

    private static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text + "Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
