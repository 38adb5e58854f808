using System.Collections.Immutable;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>Which steps of a plan may run now and which wait, and why, for status.</summary>
/// <param name="Runnable">Steps the executor may run now, in the plan's order.</param>
/// <param name="Waiting">Steps held back by an approval, a deployment window, or a held step in an earlier wave.</param>
/// <param name="Window">The environment's own windows at this instant.</param>
/// <param name="WaitingUntil">When the first held unit's window opens; null when nothing waits for a window or no opening is in sight.</param>
/// <param name="UnitWindows">For each unit with steps held by a window, the decision for its windows (the environment's and its own).</param>
internal sealed record StepGateDecision(
    ImmutableArray<PlanStep> Runnable,
    ImmutableArray<PlanStep> Waiting,
    ApprovalDecision Approval,
    WindowDecision Window,
    DateTimeOffset? WaitingUntil,
    ImmutableDictionary<PlanUnit, WindowDecision> UnitWindows);
