namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>How a release ended, for <c>zentoria_rollouts_total{result}</c>.</summary>
internal enum RolloutResult
{
    Promoted,

    /// <summary>Withdrawn by the operator (analysis, health, deadline) or by a person (abort); traffic is back on stable.</summary>
    RolledBack,

    /// <summary>Could not even be withdrawn cleanly; a person must look.</summary>
    Failed,
}
