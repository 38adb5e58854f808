using System.Collections.Immutable;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Control;

/// <param name="Held">The steps that must wait for <paramref name="PlanId"/> to be approved; empty when nothing waits.</param>
internal sealed record ApprovalDecision(string? PlanId, ImmutableArray<PlanStep> Held, string Reason)
{
    public bool IsHeld => !Held.IsEmpty;
}
