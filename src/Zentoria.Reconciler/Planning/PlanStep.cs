using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <summary>One idempotent action on one unit.</summary>
/// <param name="Reason">A sentence a person can act on.</param>
/// <param name="Wave">The dependency wave: every step of wave n runs after all steps of the waves before it.</param>
/// <param name="ReportOnly">Drift that is reported and never corrected (drift mode Warn, or a restart the policy leaves to a person).</param>
internal sealed record PlanStep(
    PlanUnit Unit,
    StepAction Action,
    ImmutableArray<FieldChange> Changes,
    string Reason,
    Disruption Disruption,
    int Wave,
    bool ReportOnly)
{
    /// <summary>Whether the executor would act on this step.</summary>
    public bool IsActionable => !ReportOnly && Action != StepAction.Refused;
}
