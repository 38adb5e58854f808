using System.Collections.Immutable;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <summary>Which steps of a plan may run now and which wait, and why, for status.</summary>
/// <param name="Runnable">Steps the executor may run now, in the plan's order.</param>
/// <param name="Waiting">Steps held back by an approval or a deployment window.</param>
/// <param name="WaitingUntil">When the window opens; null when nothing waits for a window or no opening is in sight.</param>
internal sealed record StepGateDecision(
    ImmutableArray<PlanStep> Runnable,
    ImmutableArray<PlanStep> Waiting,
    ApprovalDecision Approval,
    WindowDecision Window,
    DateTimeOffset? WaitingUntil);
