using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Control;

internal sealed class ControlStoreTests
{
    private TemporaryFolder work = null!;
    private StateFolder folder = null!;
    private FakeTimeProvider time = null!;
    private AuditTrail audit = null!;

    [SetUp]
    public void SetUp()
    {
        work = new TemporaryFolder();
        folder = StateFolder.Open(work.Path, "production", _ => null, work.Path);
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        audit = new AuditTrail(folder, new AuditOptions(), new SecretRedactor());
    }

    [TearDown]
    public void TearDown() => work.Dispose();

    [Test]
    public void Approving_the_pending_plan_records_who_for_that_revision_and_survives_a_restart()
    {
        var store = Open();
        store.Hold(Pending("p-1", "rev-a"));

        var result = store.Approve("p-1", "ci-token");
        var reopened = Open();

        Assert.That(result, Is.EqualTo(ApprovalResult.Approved));
        Assert.That(reopened.IsApproved("p-1", "rev-a"), Is.True);
        Assert.That(reopened.IsApproved("p-1", "rev-b"), Is.False);
        Assert.That(reopened.Snapshot.Approvals.Single().ApprovedBy, Is.EqualTo("ci-token"));
        Assert.That(store.Approve("p-1", "ci-token"), Is.EqualTo(ApprovalResult.AlreadyApproved));
    }

    [Test]
    public void An_unknown_plan_id_is_refused_and_nothing_is_written()
    {
        var store = Open();
        store.Hold(Pending("p-1", "rev-a"));

        Assert.That(store.Approve("p-2", "ci-token"), Is.EqualTo(ApprovalResult.UnknownPlan));
        Assert.That(File.Exists(folder.File(ControlStore.FileName)), Is.False);
        Assert.That(File.Exists(audit.CurrentPath), Is.False);
    }

    [Test]
    public void An_approval_lapses_when_a_new_revision_arrives()
    {
        var store = Open();
        store.Hold(Pending("p-1", "rev-a"));
        store.Approve("p-1", "ci-token");

        var lapsed = store.LapseApprovalsExcept("rev-b");

        Assert.That(lapsed, Is.EqualTo(1));
        Assert.That(store.IsApproved("p-1", "rev-a"), Is.False);
        Assert.That(AuditActions(), Is.EqualTo(new[] { "approve", "approval-lapsed" }));
        Assert.That(store.LapseApprovalsExcept("rev-b"), Is.Zero);
    }

    [Test]
    public void A_unit_is_suspended_at_run_time_in_the_desired_state_or_globally()
    {
        var store = Open();

        store.Suspend("Container/backend", "alice", "rev-a");

        Assert.That(store.SuspendedBecause("Container/backend", DriftMode.Correct), Does.Contain("alice"));
        Assert.That(store.SuspendedBecause("Container/nginx", DriftMode.Correct), Is.Null);
        Assert.That(store.SuspendedBecause("Container/nginx", DriftMode.Suspend), Does.Contain("desired state"));

        store.Suspend(null, "bob", "rev-a");
        Assert.That(Open().SuspendedBecause("Container/nginx", DriftMode.Correct), Does.Contain("everything").And.Contain("bob"));
    }

    [Test]
    public void Resume_lifts_a_run_time_suspension_but_not_one_from_the_desired_state()
    {
        var store = Open();
        store.Suspend("Container/backend", "alice", "rev-a");

        Assert.That(store.Resume("Container/backend", "alice", "rev-a"), Is.True);
        Assert.That(store.Resume("Container/backend", "alice", "rev-a"), Is.False);
        Assert.That(store.SuspendedBecause("Container/backend", DriftMode.Correct), Is.Null);
        Assert.That(store.SuspendedBecause("Container/backend", DriftMode.Suspend), Is.Not.Null);
    }

    [Test]
    public void Every_approval_override_suspend_and_resume_is_audited_with_who_asked()
    {
        var store = Open();
        store.Hold(Pending("p-1", "rev-a"));

        store.Approve("p-1", "ci-token");
        store.OverrideWindows(time.GetUtcNow().AddHours(2), "oncall", "rev-a");
        store.Suspend(null, "oncall", "rev-a");
        store.Resume(null, "oncall", "rev-a");
        store.ClearOverride("oncall", "rev-a");

        var lines = File.ReadAllLines(audit.CurrentPath).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(lines.Select(l => l.GetProperty("action").GetString()),
            Is.EqualTo(new[] { "approve", "override-windows", "suspend", "resume", "clear-override" }));
        Assert.That(lines.Select(l => l.GetProperty("actor").GetString()), Is.EqualTo(new[] { "ci-token", "oncall", "oncall", "oncall", "oncall" }));
        Assert.That(lines[0].GetProperty("revision").GetString(), Is.EqualTo("rev-a"));
        Assert.That(lines[0].GetProperty("time").GetString(), Is.EqualTo("2026-11-26T12:00:00+00:00"));
        Assert.That(lines[0].GetProperty("kind").GetString(), Is.EqualTo("Plan"));
        Assert.That(lines[2].GetProperty("unit").GetString(), Is.EqualTo("*"));
    }

    [Test]
    public void The_window_override_is_persisted_and_feeds_the_evaluator()
    {
        var store = Open();
        var deny = new SyncWindowSpec(SyncWindowKind.Deny, "0 0 * * *", TimeSpan.FromHours(24), "UTC");

        store.OverrideWindows(time.GetUtcNow().AddHours(1), "oncall", "rev-a");
        var overridden = SyncWindowEvaluator.Evaluate([deny], time.GetUtcNow(), Open().OverrideUntil);
        time.Advance(TimeSpan.FromHours(1));
        var expired = SyncWindowEvaluator.Evaluate([deny], time.GetUtcNow(), Open().OverrideUntil);

        Assert.That(overridden.Allowed, Is.True);
        Assert.That(expired.Allowed, Is.False);
    }

    private ControlStore Open() => ControlStore.Open(folder, audit, time);

    private PendingApproval Pending(string id, string revision) => new(id, revision, ["Deploy Service api (Restart) version: v1 -> v2"], time.GetUtcNow());

    private string?[] AuditActions() =>
        [.. File.ReadAllLines(audit.CurrentPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("action").GetString())];
}
