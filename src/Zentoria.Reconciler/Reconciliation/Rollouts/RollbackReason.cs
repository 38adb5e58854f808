namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>Why a release was withdrawn, for <c>zentoria_rollbacks_total{reason}</c>.</summary>
internal enum RollbackReason
{
    /// <summary>A metric query breached its threshold often enough.</summary>
    Analysis,

    /// <summary>The new version failed its health checks.</summary>
    Health,

    /// <summary>The progress deadline passed without a decision.</summary>
    Deadline,

    /// <summary>A person ran <c>abort</c>.</summary>
    Manual,

    /// <summary>The deploy command itself failed.</summary>
    Deploy,
}
