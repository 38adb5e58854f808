using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>Decides which steps of a plan wait for an approval. Pure: approvals are looked up through the caller.</summary>
internal static class ApprovalGate
{
    /// <param name="holdNonDisruptive">Hold every actionable step, not only disruptive ones (off by default: starting a
    /// container that should run is drift correction, not a change people need to approve).</param>
    /// <param name="isApproved">Whether a plan id is approved for a revision, such as <see cref="ControlStore.IsApproved"/>.</param>
    public static ApprovalDecision Decide(
        ApprovalSpec approval,
        string revision,
        IReadOnlyCollection<PlanStep> steps,
        bool holdNonDisruptive,
        Func<string, string, bool> isApproved)
    {
        if (!approval.Required)
        {
            return new ApprovalDecision(null, [], "the environment does not require approval");
        }

        var held = steps.Where(s => s.IsActionable && (holdNonDisruptive || IsDisruptive(s))).ToList();
        if (held.Count == 0)
        {
            return new ApprovalDecision(null, [], "no step needs approval");
        }

        var id = PlanApprovalId.For(revision, held);
        return isApproved(id, revision)
            ? new ApprovalDecision(id, [], $"plan {id} is approved for revision {revision}")
            : new ApprovalDecision(id, [.. held], $"plan {id} waits for approval: {held.Count} disruptive step(s) at revision {revision}");
    }

    /// <summary>Deploys, restarts, stops and destroys, and any step users notice while it runs.</summary>
    public static bool IsDisruptive(PlanStep step) =>
        step.Disruption != Disruption.None || step.Action is StepAction.Deploy or StepAction.Restart or StepAction.Stop or StepAction.Destroy;
}
