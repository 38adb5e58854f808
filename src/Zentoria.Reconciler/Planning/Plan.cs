using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <summary>The ordered steps that take the live state to the desired state; empty exactly when live satisfies desired.</summary>
/// <param name="Revision">The desired state's revision the plan was made from.</param>
/// <param name="Environment">The environment's name.</param>
internal sealed record Plan(string Revision, string Environment, ImmutableArray<PlanStep> Steps)
{
    public bool IsEmpty => Steps.IsEmpty;

    public PlanSummary Summary => PlanSummary.Of(Steps);
}
