using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Control;

internal sealed class StepGateTests
{
    private static readonly PlanStep Start = Step(StepAction.Start, "postgres", Disruption.None, wave: 0);
    private static readonly PlanStep Deploy = Step(StepAction.Deploy, "api", Disruption.Restart, wave: 1);
    private static readonly PlanStep Route = Step(StepAction.Update, "nginx", Disruption.None, wave: 2);

    private TemporaryFolder work = null!;
    private FakeTimeProvider time = null!;
    private ControlStore store = null!;
    private EnvironmentSpec environment = null!;

    [SetUp]
    public void SetUp()
    {
        work = new TemporaryFolder();
        var folder = StateFolder.Open(work.Path, "production", _ => null, work.Path);
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        store = ControlStore.Open(folder, new AuditTrail(folder, new AuditOptions(), new SecretRedactor()), time);
        environment = DesiredStateLoader.Load(TestRepository.MinimalDesiredState, "test").Desired!.Environment with { Approval = ApprovalSpec.None, Windows = [] };
    }

    [TearDown]
    public void TearDown() => work.Dispose();

    [Test]
    public void A_disruptive_step_waits_for_approval_and_runs_once_approved()
    {
        var production = environment with { Approval = new ApprovalSpec(true) };

        var held = StepGate.Decide(production, "rev-a", [Start, Deploy], store, time.GetUtcNow());
        var approved = store.Approve(held.Approval.PlanId!, "release-token");
        var after = StepGate.Decide(production, "rev-a", [Start, Deploy], store, time.GetUtcNow());

        Assert.That(held.Runnable, Is.EqualTo(new[] { Start }), "starting a container that should run is not held");
        Assert.That(held.Waiting, Is.EqualTo(new[] { Deploy }));
        Assert.That(store.Pending, Is.Null, "nothing waits once approved");
        Assert.That(approved, Is.EqualTo(ApprovalResult.Approved));
        Assert.That(after.Runnable, Is.EqualTo(new[] { Start, Deploy }));
    }

    [Test]
    public void An_approval_lapses_when_a_new_commit_arrives()
    {
        var production = environment with { Approval = new ApprovalSpec(true) };
        var first = StepGate.Decide(production, "rev-a", [Deploy], store, time.GetUtcNow());
        store.Approve(first.Approval.PlanId!, "release-token");

        var next = StepGate.Decide(production, "rev-b", [Deploy], store, time.GetUtcNow());

        Assert.That(next.Waiting, Is.EqualTo(new[] { Deploy }));
        Assert.That(next.Approval.PlanId, Is.Not.EqualTo(first.Approval.PlanId));
        Assert.That(store.Pending?.PlanId, Is.EqualTo(next.Approval.PlanId));
        Assert.That(store.Approve(first.Approval.PlanId!, "release-token"), Is.EqualTo(ApprovalResult.UnknownPlan));
    }

    [Test]
    public void Outside_a_window_disruptive_steps_and_later_waves_wait_until_it_opens()
    {
        var nightly = environment with { Windows = [new SyncWindowSpec(SyncWindowKind.Allow, "0 22 * * *", TimeSpan.FromHours(2), "UTC")] };

        var decision = StepGate.Decide(nightly, "rev-a", [Start, Deploy, Route], store, time.GetUtcNow());

        Assert.That(decision.Runnable, Is.EqualTo(new[] { Start }));
        Assert.That(decision.Waiting, Is.EqualTo(new[] { Deploy, Route }));
        Assert.That(decision.WaitingUntil, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 22, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_manual_override_lets_disruptive_steps_run_outside_the_window()
    {
        var nightly = environment with { Windows = [new SyncWindowSpec(SyncWindowKind.Allow, "0 22 * * *", TimeSpan.FromHours(2), "UTC")] };
        store.OverrideWindows(time.GetUtcNow().AddMinutes(30), "oncall", "rev-a");

        var decision = StepGate.Decide(nightly, "rev-a", [Start, Deploy, Route], store, time.GetUtcNow());

        Assert.That(decision.Waiting, Is.Empty);
        Assert.That(decision.Window.Reason, Does.Contain("manual override"));
    }

    [Test]
    public void A_units_own_deny_window_holds_only_its_disruptive_steps()
    {
        var web = Step(StepAction.Deploy, "web", Disruption.Restart, wave: 1);
        var deny = new SyncWindowSpec(SyncWindowKind.Deny, "0 12 * * *", TimeSpan.FromHours(1), "UTC");

        var decision = StepGate.Decide(environment, "rev-a", [Start, Deploy, web], store, time.GetUtcNow(),
            unitWindows: unit => unit.Name == "api" ? [deny] : []);

        Assert.That(decision.Runnable, Is.EqualTo(new[] { Start, web }));
        Assert.That(decision.Waiting, Is.EqualTo(new[] { Deploy }));
        Assert.That(decision.WaitingUntil, Is.EqualTo(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero)));
        Assert.That(decision.UnitWindows.Keys.Select(u => u.Name), Is.EqualTo(new[] { "api" }));
    }

    [Test]
    public void An_environment_that_approves_all_steps_holds_a_start_too()
    {
        var strict = environment with { Approval = new ApprovalSpec(true, AllSteps: true) };

        var decision = StepGate.Decide(strict, "rev-a", [Start], store, time.GetUtcNow());

        Assert.That(decision.Waiting, Is.EqualTo(new[] { Start }));
        Assert.That(store.Pending?.Steps.Single(), Does.StartWith("Start Service postgres"));
    }

    private static PlanStep Step(StepAction action, string name, Disruption disruption, int wave) =>
        new(PlanUnit.Service(new ServiceName(name)), action, ImmutableArray<FieldChange>.Empty, "because", disruption, wave, ReportOnly: false);
}
