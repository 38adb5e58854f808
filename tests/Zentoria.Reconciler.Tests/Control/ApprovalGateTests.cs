using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Control;

internal sealed class ApprovalGateTests
{
    private static readonly ApprovalSpec Required = new(true);

    private static readonly PlanStep Deploy = Step(StepAction.Deploy, "api", Disruption.Restart, new FieldChange("version", "v1", "v2"));
    private static readonly PlanStep Resize = Step(StepAction.Resize, "backend", Disruption.Restart, new FieldChange("resources.memoryMiB", "2048", "4096"));
    private static readonly PlanStep Start = Step(StepAction.Start, "postgres", Disruption.None, new FieldChange("state", "stopped", "running"));

    [Test]
    public void The_id_is_the_same_for_the_same_revision_and_steps_in_any_order()
    {
        Assert.That(PlanApprovalId.For("abc123", [Deploy, Resize]), Is.EqualTo(PlanApprovalId.For("abc123", [Resize, Deploy])));
        Assert.That(PlanApprovalId.For("abc123", [Deploy]), Does.Match("^p-[0-9a-f]{10}$"));
    }

    [Test]
    public void The_id_changes_with_the_revision_or_the_steps()
    {
        var id = PlanApprovalId.For("abc123", [Deploy]);

        Assert.That(PlanApprovalId.For("def456", [Deploy]), Is.Not.EqualTo(id));
        Assert.That(PlanApprovalId.For("abc123", [Deploy, Resize]), Is.Not.EqualTo(id));
        Assert.That(PlanApprovalId.For("abc123", [Deploy with { Changes = [new FieldChange("version", "v1", "v3")] }]), Is.Not.EqualTo(id));
    }

    [Test]
    public void Disruptive_steps_wait_for_approval_and_non_disruptive_ones_do_not()
    {
        var decision = ApprovalGate.Decide(Required, "abc123", [Deploy, Start], holdNonDisruptive: false, (_, _) => false);

        Assert.That(decision.IsHeld, Is.True);
        Assert.That(decision.Held, Is.EqualTo(new[] { Deploy }));
        Assert.That(decision.PlanId, Is.EqualTo(PlanApprovalId.For("abc123", [Deploy])));
    }

    [Test]
    public void Non_disruptive_steps_wait_too_when_configured()
    {
        var decision = ApprovalGate.Decide(Required, "abc123", [Start], holdNonDisruptive: true, (_, _) => false);

        Assert.That(decision.Held, Is.EqualTo(new[] { Start }));
    }

    [Test]
    public void Nothing_waits_when_the_environment_does_not_require_approval_or_the_plan_is_approved()
    {
        var notRequired = ApprovalGate.Decide(ApprovalSpec.None, "abc123", [Deploy], holdNonDisruptive: false, (_, _) => false);
        var approved = ApprovalGate.Decide(Required, "abc123", [Deploy], holdNonDisruptive: false, (id, revision) => revision == "abc123");

        Assert.That(notRequired.IsHeld, Is.False);
        Assert.That(approved.IsHeld, Is.False);
        Assert.That(approved.PlanId, Is.Not.Null);
    }

    [Test]
    public void Report_only_and_refused_steps_never_wait()
    {
        var decision = ApprovalGate.Decide(Required, "abc123", [Deploy with { ReportOnly = true }, Step(StepAction.Refused, "x", Disruption.Downtime)],
            holdNonDisruptive: true, (_, _) => false);

        Assert.That(decision.IsHeld, Is.False);
    }

    private static PlanStep Step(StepAction action, string name, Disruption disruption, params FieldChange[] changes) =>
        new(PlanUnit.Service(new ServiceName(name)), action, [.. changes], "because", disruption, 0, ReportOnly: false);
}
