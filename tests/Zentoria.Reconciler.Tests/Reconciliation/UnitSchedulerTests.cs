using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class UnitSchedulerTests
{
    private static readonly UnitKey Backend = new(UnitKind.Container, "backend");
    private const string Spec = "fingerprint-1";

    private FakeTimeProvider time = null!;
    private UnitScheduler scheduler = null!;

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        scheduler = new UnitScheduler(new BackoffPolicy(new SchedulingOptions(), () => 0.5), time);
    }

    [Test]
    public void A_unit_never_seen_is_due()
    {
        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Due));
    }

    [Test]
    public void A_unit_that_succeeded_is_due_again_after_the_interval()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.Succeeded);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.NotDue));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Due));
    }

    [Test]
    public void A_requeue_makes_the_unit_due_after_exactly_the_requested_delay()
    {
        var due = scheduler.Record(Backend, Spec, ReconcileResult.After(TimeSpan.FromSeconds(7), "waiting"));

        Assert.That(due, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void Transient_errors_back_off_exponentially_up_to_five_minutes()
    {
        var delays = new List<TimeSpan>();
        for (var attempt = 0; attempt < 12; attempt++)
        {
            var due = scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));
            delays.Add(due!.Value - time.GetUtcNow());
            time.Advance(delays[^1]);
            Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Due));
        }

        Assert.That(delays.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300 }));
        Assert.That(scheduler.ConsecutiveFailures(Backend), Is.EqualTo(12));
    }

    [Test]
    public void A_success_resets_the_backoff()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));
        }

        scheduler.Record(Backend, Spec, ReconcileResult.Succeeded);
        var due = scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held again"));

        Assert.That(due, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(1)));
        Assert.That(scheduler.ConsecutiveFailures(Backend), Is.EqualTo(1));
    }

    [Test]
    public void A_terminal_error_stalls_the_unit_however_much_time_passes()
    {
        var due = scheduler.Record(Backend, Spec, ReconcileResult.Terminal("disks never shrink"));

        time.Advance(TimeSpan.FromDays(30));

        Assert.That(due, Is.Null);
        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Stalled));
        Assert.That(scheduler.NextDueAt(), Is.Null, "a stalled unit must not wake the loop");
    }

    [Test]
    public void A_stalled_unit_is_due_at_once_when_its_desired_state_changes()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.Terminal("disks never shrink"));

        Assert.That(scheduler.Decide(Backend, "fingerprint-2"), Is.EqualTo(UnitDecision.Due));
        Assert.That(scheduler.Decide(Backend, "fingerprint-2"), Is.EqualTo(UnitDecision.Due));
    }

    [Test]
    public void A_trigger_does_not_revive_a_stalled_unit()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.Terminal("disks never shrink"));

        scheduler.ExpediteAll();

        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Stalled));
    }

    [Test]
    public void Waking_a_stalled_unit_makes_it_due_now_with_a_fresh_backoff()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.Transient("first"));
        scheduler.Record(Backend, Spec, ReconcileResult.Terminal("v1.4.2 failed and was rolled back"));

        scheduler.Wake(Backend);

        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Due));
        Assert.That(scheduler.ConsecutiveFailures(Backend), Is.Zero);
    }

    [Test]
    public void A_changed_desired_state_cuts_a_backoff_short()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));
        }

        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.NotDue));
        Assert.That(scheduler.Decide(Backend, "fingerprint-2"), Is.EqualTo(UnitDecision.Due));
        var due = scheduler.Record(Backend, "fingerprint-2", ReconcileResult.Transient("still locked"));
        Assert.That(due, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(1)), "a new spec starts a new backoff");
    }

    [Test]
    public void A_trigger_makes_waiting_units_due_but_keeps_their_failure_count()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));
        scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));

        scheduler.ExpediteAll();

        Assert.That(scheduler.Decide(Backend, Spec), Is.EqualTo(UnitDecision.Due));
        var due = scheduler.Record(Backend, Spec, ReconcileResult.Transient("lock held"));
        Assert.That(due, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(4)));
    }

    [Test]
    public void The_next_due_time_is_the_earliest_among_units()
    {
        var frontend = new UnitKey(UnitKind.Container, "frontend");
        scheduler.Record(Backend, Spec, ReconcileResult.Succeeded);
        scheduler.Record(frontend, Spec, ReconcileResult.After(TimeSpan.FromSeconds(5), "waiting for backend"));

        Assert.That(scheduler.NextDueAt(), Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void Units_no_longer_desired_are_forgotten()
    {
        scheduler.Record(Backend, Spec, ReconcileResult.After(TimeSpan.FromSeconds(5), "waiting"));

        scheduler.Retain(new HashSet<UnitKey>());

        Assert.That(scheduler.NextDueAt(), Is.Null);
    }
}
