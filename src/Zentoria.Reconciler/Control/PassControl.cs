using System.Collections.Immutable;
using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// Applies the run-time controls to one pass: suspended units (globally, per unit, or by the environment's
/// <c>suspend</c>) are not acted on, and <see cref="StepGate"/> holds units whose disruptive steps wait for an
/// approval or a deployment window. A unit with a held step waits as a whole, so its steps never run out of order.
/// </summary>
/// <remarks>
/// A pass observes and plans only the units that are due, so the steps each unit needed when it was last due are
/// remembered: the plan held for approval (and its id) covers all of them, not just the ones due this pass.
/// Called by one pass at a time.
/// </remarks>
internal sealed class PassControl(ControlStore store, StatusStore status, SchedulingOptions scheduling, TimeProvider time)
{
    private readonly Dictionary<UnitKey, ImmutableArray<PlanStep>> remembered = [];
    private string? revision;

    /// <summary>The holds for this pass's due units; a unit not in the answer runs as planned.</summary>
    public IReadOnlyDictionary<UnitKey, UnitHold> Decide(Desired desired, IEnumerable<UnitWork> due)
    {
        if (desired.Revision != revision)
        {
            remembered.Clear();
            revision = desired.Revision;
        }

        var holds = new Dictionary<UnitKey, UnitHold>();
        var dueList = due.ToList();
        foreach (var work in dueList)
        {
            if (SuspendedBecause(desired, work.Key) is { } why)
            {
                holds[work.Key] = new UnitHold(ReconcileResult.After(scheduling.Interval, $"Suspended: {why}; resume with `zentoria-reconciler resume`."),
                    SyncStatus.Unknown, HealthStatus.Suspended, "Suspended");
                remembered.Remove(work.Key);
                continue;
            }

            var actionable = work.Steps.Where(s => s.IsActionable).ToImmutableArray();
            if (actionable.IsEmpty)
            {
                remembered.Remove(work.Key);
            }
            else
            {
                remembered[work.Key] = actionable;
            }
        }

        var now = time.GetUtcNow();
        var decision = StepGate.Decide(desired.Environment, desired.Revision, [.. remembered.Values.SelectMany(s => s)], store, now,
            unitWindows: unit => WindowsOf(desired, unit));
        var waiting = decision.Waiting.ToHashSet();
        var heldUnits = remembered.Where(r => r.Value.Any(waiting.Contains)).Select(r => r.Key).ToHashSet();
        foreach (var work in dueList.Where(w => heldUnits.Contains(w.Key) && !holds.ContainsKey(w.Key)))
        {
            var (delay, message) = Why(work.Key, decision, now);
            var health = status.HealthOf(work.Key) is var h and not HealthStatus.Unknown ? h : HealthStatus.Progressing;
            holds[work.Key] = new UnitHold(ReconcileResult.After(delay, message), SyncStatus.OutOfSync, health, null);
        }

        Publish();
        return holds;
    }

    /// <summary>Shows the held plan, the suspensions and the override in status.</summary>
    public void Publish()
    {
        var pending = store.Pending is { } p ? new ApprovalStatus(p.PlanId, p.Revision, p.Steps, p.Since) : null;
        var until = store.OverrideUntil is { } u && u > time.GetUtcNow() ? u : (DateTimeOffset?)null;
        status.SetControl(new ControlStatus(pending, [.. store.Snapshot.Suspensions.Select(s => s.Unit)], until));
    }

    private string? SuspendedBecause(Desired desired, UnitKey unit) =>
        desired.Environment.Suspend
            ? "the environment is suspended in the desired state (suspend: true)"
            // Drift mode suspend is left to the planner, which plans nothing for such a unit.
            : store.SuspendedBecause(unit.ToString(), DriftMode.Correct);

    private (TimeSpan Delay, string Message) Why(UnitKey unit, StepGateDecision decision, DateTimeOffset now)
    {
        var steps = remembered[unit];
        if (decision.Approval.PlanId is { } id && steps.Any(decision.Approval.Held.Contains))
        {
            return (scheduling.Interval, $"Awaiting approval {id}: {decision.Approval.Held.Length} disruptive step(s) at revision {revision} wait for `zentoria-reconciler approve {id}`.");
        }

        if (steps.Select(s => s.Unit).FirstOrDefault(decision.UnitWindows.ContainsKey) is { } planUnit)
        {
            var window = decision.UnitWindows[planUnit];
            if (window.NextOpening is { } opening)
            {
                var wait = opening - now;
                return (wait < scheduling.Interval ? wait : scheduling.Interval, $"Waiting for a deployment window until {Format(opening)}: {window.Reason}.");
            }

            return (scheduling.Interval, $"Waiting for a deployment window: {window.Reason}.");
        }

        var first = remembered.Where(r => r.Value.Any(decision.Approval.Held.Contains) || r.Value.Any(s => decision.UnitWindows.ContainsKey(s.Unit)))
            .OrderBy(r => r.Value.Min(s => s.Wave)).Select(r => r.Key.ToString()).FirstOrDefault() ?? "a held unit";
        var until = decision.WaitingUntil is { } at ? $" until {Format(at)}" : decision.Approval.PlanId is { } plan ? $" awaiting approval {plan}" : "";
        return (scheduling.Interval, $"Waiting for {first} in an earlier wave, which is held{until}.");
    }

    private static string Format(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static ImmutableArray<SyncWindowSpec> WindowsOf(Desired desired, PlanUnit unit) => unit.Kind switch
    {
        Planning.UnitKind.Container => desired.Containers.FirstOrDefault(c => c.Name.Value == unit.Name)?.Windows ?? [],
        Planning.UnitKind.Service => desired.Services.FirstOrDefault(s => s.Name.Value == unit.Name)?.Windows ?? [],
        _ => [],
    };
}
