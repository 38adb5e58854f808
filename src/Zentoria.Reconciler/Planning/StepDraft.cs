using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <summary>A step before the unit, wave and the unit-wide notes (lock, drift mode) are added.</summary>
internal sealed record StepDraft(
    StepAction Action,
    ImmutableArray<FieldChange> Changes,
    string Reason,
    Disruption Disruption,
    bool ReportOnly = false);
