using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// The one check before the executor runs a plan: disruptive steps wait for an approval (when the environment
/// requires one) and for a deployment window (the environment's and the unit's own); everything else runs. Records
/// the held plan with the store so <c>approve &lt;id&gt;</c> can find it.
/// </summary>
/// <remarks>Suspension is checked per unit by <see cref="PassControl"/> before this: a suspended unit's steps never
/// reach the gate, so they neither need nor change an approval.</remarks>
internal static class StepGate
{
    /// <param name="unitWindows">A unit's own windows, added to the environment's for its steps; null when units have none.</param>
    public static StepGateDecision Decide(
        EnvironmentSpec environment,
        string revision,
        ImmutableArray<PlanStep> steps,
        ControlStore store,
        DateTimeOffset now,
        bool holdNonDisruptive = false,
        Func<PlanUnit, ImmutableArray<SyncWindowSpec>>? unitWindows = null)
    {
        store.LapseApprovalsExcept(revision);
        var approval = ApprovalGate.Decide(environment.Approval, revision, steps, holdNonDisruptive || environment.Approval.AllSteps, store.IsApproved);
        var previous = store.Pending;
        store.Hold(approval.IsHeld
            ? new PendingApproval(approval.PlanId!, revision, [.. approval.Held.Select(PlanApprovalId.Describe)], previous?.PlanId == approval.PlanId ? previous!.Since : now)
            : null);

        var window = SyncWindowEvaluator.Evaluate(environment.Windows, now, store.OverrideUntil);
        var perUnit = new Dictionary<PlanUnit, WindowDecision>();
        WindowDecision WindowOf(PlanUnit unit)
        {
            if (unitWindows?.Invoke(unit) is not { IsDefaultOrEmpty: false } own)
            {
                return window;
            }

            if (!perUnit.TryGetValue(unit, out var decision))
            {
                decision = SyncWindowEvaluator.Evaluate(environment.Windows.AddRange(own), now, store.OverrideUntil);
                perUnit[unit] = decision;
            }

            return decision;
        }

        var waitsForWindow = steps
            .Where(s => s.IsActionable && !approval.Held.Contains(s) && (holdNonDisruptive || ApprovalGate.IsDisruptive(s)) && !WindowOf(s.Unit).Allowed)
            .ToList();
        var held = approval.Held.Concat(waitsForWindow).ToList();

        // A later wave may depend on what a held step would have done (a route to a version not yet deployed), so
        // everything after the first held wave waits with it; earlier and same-wave corrections still run.
        var firstHeldWave = held.Count == 0 ? int.MaxValue : held.Min(s => s.Wave);
        var waiting = steps.Where(s => s.IsActionable && (held.Contains(s) || s.Wave > firstHeldWave)).ToImmutableArray();
        var runnable = steps.Where(s => s.IsActionable && !waiting.Contains(s)).ToImmutableArray();
        var unitsForWindow = waitsForWindow.Select(s => s.Unit).Distinct().ToImmutableDictionary(u => u, WindowOf);
        var until = unitsForWindow.Values.Select(d => d.NextOpening).Where(d => d is not null).Min();
        return new StepGateDecision(runnable, waiting, approval, window, until, unitsForWindow);
    }
}
