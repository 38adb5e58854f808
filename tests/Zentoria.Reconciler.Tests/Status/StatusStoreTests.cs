using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Status;

internal sealed class StatusStoreTests
{
    private static readonly UnitKey Backend = new(UnitKind.Container, "backend");
    private static readonly UnitKey Frontend = new(UnitKind.Container, "frontend");

    private FakeTimeProvider time = null!;
    private SecretRedactor redactor = null!;
    private StatusStore store = null!;

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        redactor = new SecretRedactor();
        store = new StatusStore("sandbox", time, redactor);
    }

    [Test]
    public void Accepted_units_start_unknown_and_pending()
    {
        store.AcceptDesired("rev-1", [Backend]);

        var unit = store.Find(Backend)!;
        Assert.That((unit.Sync, unit.Health, unit.Phase), Is.EqualTo((SyncStatus.Unknown, HealthStatus.Unknown, "Pending")));
        Assert.That(unit.Conditions.Select(c => c.Status), Has.All.EqualTo(ConditionStatus.Unknown));
    }

    [Test]
    public void A_successful_reconcile_makes_the_unit_ready_synced_and_healthy()
    {
        store.AcceptDesired("rev-1", [Backend]);

        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");

        var unit = store.Find(Backend)!;
        Assert.That((unit.Sync, unit.Health, unit.Phase, unit.Revision), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy, "Ready", "rev-1")));
        Assert.That(Condition(unit, ConditionType.Ready).Status, Is.EqualTo(ConditionStatus.True));
        Assert.That(Condition(unit, ConditionType.Reconciling).Status, Is.EqualTo(ConditionStatus.False));
        Assert.That(Condition(unit, ConditionType.Stalled).Status, Is.EqualTo(ConditionStatus.False));
    }

    [Test]
    public void A_terminal_error_marks_the_unit_stalled_with_its_message_as_last_error()
    {
        store.Record(Backend, ReconcileResult.Terminal("Disk 16 GiB cannot shrink to 8 GiB."), SyncStatus.OutOfSync, HealthStatus.Degraded, "rev-1");

        var unit = store.Find(Backend)!;
        Assert.That(unit.Phase, Is.EqualTo("Stalled"));
        Assert.That(unit.LastError, Is.EqualTo("Disk 16 GiB cannot shrink to 8 GiB."));
        Assert.That(Condition(unit, ConditionType.Stalled).Status, Is.EqualTo(ConditionStatus.True));
        Assert.That(Condition(unit, ConditionType.Ready).Status, Is.EqualTo(ConditionStatus.False));
    }

    [Test]
    public void A_transient_error_is_reconciling_with_retry_and_the_last_error_survives_recovery()
    {
        store.Record(Backend, ReconcileResult.Transient("CT 441 is locked (backup)."), SyncStatus.OutOfSync, HealthStatus.Healthy, "rev-1");
        var failing = store.Find(Backend)!;
        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");

        Assert.That(Condition(failing, ConditionType.Reconciling).Reason, Is.EqualTo("ProgressingWithRetry"));
        Assert.That(store.Find(Backend)!.LastError, Is.EqualTo("CT 441 is locked (backup)."));
    }

    [Test]
    public void A_condition_keeps_its_transition_time_while_its_status_does_not_change()
    {
        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");
        var readySince = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(5));
        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-2");
        time.Advance(TimeSpan.FromMinutes(5));
        store.Record(Backend, ReconcileResult.Transient("lock"), SyncStatus.OutOfSync, HealthStatus.Healthy, "rev-2");

        var unit = store.Find(Backend)!;
        Assert.That(Condition(unit, ConditionType.Ready).LastTransitionTime, Is.EqualTo(time.GetUtcNow()));
        Assert.That(unit.LastTransitionTime, Is.EqualTo(time.GetUtcNow()));
        Assert.That(readySince, Is.LessThan(time.GetUtcNow()));
    }

    [Test]
    public void An_invalid_desired_state_is_reported_while_the_last_valid_revision_stays_enforced()
    {
        store.AcceptDesired("rev-1", [Backend, Frontend]);
        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");

        store.RejectDesired("rev-2", ["base/containers.yaml:12:5: memoryMiB must be a number"]);

        var snapshot = store.Snapshot;
        Assert.That(snapshot.Revision, Is.EqualTo("rev-1"));
        Assert.That(snapshot.InvalidRevision, Is.EqualTo("rev-2"));
        Assert.That(snapshot.ValidationErrors, Is.EqualTo(new[] { "base/containers.yaml:12:5: memoryMiB must be a number" }));
        Assert.That(snapshot.Units.Select(u => u.Name), Is.EqualTo(new[] { "backend", "frontend" }));

        store.AcceptDesired("rev-3", [Backend]);
        Assert.That(store.Snapshot.ValidationErrors, Is.Empty);
        Assert.That(store.Snapshot.Units.Select(u => u.Name), Is.EqualTo(new[] { "backend" }));
        Assert.That(store.Find(Backend)!.Health, Is.EqualTo(HealthStatus.Healthy), "kept units keep their status");
    }

    [Test]
    public void Secrets_are_redacted_from_messages_and_validation_errors()
    {
        const string secret = "0123456789abcdef-secret";
        redactor.Register(secret);

        store.Record(Backend, ReconcileResult.Transient($"401 with token {secret}"), SyncStatus.Unknown, HealthStatus.Unknown, "rev-1");
        store.RejectDesired("rev-2", [$"token: {secret}"]);

        Assert.That(store.Find(Backend)!.Message, Does.Not.Contain(secret));
        Assert.That(store.Find(Backend)!.LastError, Does.Not.Contain(secret));
        Assert.That(store.Snapshot.ValidationErrors[0], Does.Not.Contain(secret));
    }

    [Test]
    public void The_first_observed_pass_makes_the_environment_ready_for_good()
    {
        store.PassFinished(observed: false, succeeded: false);
        Assert.That(store.Snapshot.Ready, Is.False);

        store.PassFinished(observed: true, succeeded: true);
        store.PassFinished(observed: false, succeeded: false);

        Assert.That(store.Snapshot.Ready, Is.True);
        Assert.That(store.Snapshot.LastSuccessfulPassAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public void A_snapshot_taken_before_a_report_keeps_showing_what_it_saw()
    {
        store.AcceptDesired("rev-1", [Frontend, Backend]);
        var before = store.Snapshot;

        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");
        var after = store.Snapshot;

        Assert.That(before.Units.Select(u => (u.Name, u.Sync)), Is.EqualTo(new[] { ("backend", SyncStatus.Unknown), ("frontend", SyncStatus.Unknown) }));
        Assert.That(after.Units.Select(u => (u.Name, u.Sync)), Is.EqualTo(new[] { ("backend", SyncStatus.Synced), ("frontend", SyncStatus.Unknown) }));
        Assert.That(store.Snapshot, Is.SameAs(after), "nothing changed since, so the same snapshot is handed out");
    }

    [Test]
    public void A_unit_reported_before_any_desired_state_takes_its_sorted_place()
    {
        store.Record(Frontend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");
        store.Record(Backend, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");

        Assert.That(store.Snapshot.Units.Select(u => u.Name), Is.EqualTo(new[] { "backend", "frontend" }));
        Assert.That(store.Find(Frontend)!.Health, Is.EqualTo(HealthStatus.Healthy));
    }

    private static Condition Condition(UnitStatus unit, ConditionType type) => unit.Conditions.Single(c => c.Type == type);
}
