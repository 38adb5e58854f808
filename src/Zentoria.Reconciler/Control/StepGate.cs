using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// The one check before the executor runs a plan: disruptive steps wait for an approval (when the environment
/// requires one) and for a deployment window; everything else runs. Records the held plan with the store so
/// <c>approve &lt;id&gt;</c> can find it.
/// </summary>
/// <remarks>Suspension is checked per unit before planning (<see cref="ControlStore.SuspendedBecause"/>), not here:
/// a suspended unit is not even observed, as with Flux's <c>suspend</c>.</remarks>
internal static class StepGate
{
    public static StepGateDecision Decide(
        EnvironmentSpec environment,
        string revision,
        ImmutableArray<PlanStep> steps,
        ControlStore store,
        DateTimeOffset now,
        bool holdNonDisruptive = false)
    {
        store.LapseApprovalsExcept(revision);
        var approval = ApprovalGate.Decide(environment.Approval, revision, steps, holdNonDisruptive, store.IsApproved);
        var previous = store.Pending;
        store.Hold(approval.IsHeld
            ? new PendingApproval(approval.PlanId!, revision, [.. approval.Held.Select(PlanApprovalId.Describe)], previous?.PlanId == approval.PlanId ? previous!.Since : now)
            : null);

        var window = SyncWindowEvaluator.Evaluate(environment.Windows, now, store.OverrideUntil);
        var waitsForWindow = !window.Allowed;
        var held = steps.Where(s => s.IsActionable &&
            (approval.Held.Contains(s) || (waitsForWindow && (holdNonDisruptive || ApprovalGate.IsDisruptive(s))))).ToList();

        // A later wave may depend on what a held step would have done (a route to a version not yet deployed), so
        // everything after the first held wave waits with it; earlier and same-wave corrections still run.
        var firstHeldWave = held.Count == 0 ? int.MaxValue : held.Min(s => s.Wave);
        var waiting = steps.Where(s => s.IsActionable && (held.Contains(s) || s.Wave > firstHeldWave)).ToImmutableArray();
        var runnable = steps.Where(s => s.IsActionable && !waiting.Contains(s)).ToImmutableArray();
        return new StepGateDecision(runnable, waiting, approval, window, waitsForWindow && !waiting.IsEmpty ? window.NextOpening : null);
    }
}
