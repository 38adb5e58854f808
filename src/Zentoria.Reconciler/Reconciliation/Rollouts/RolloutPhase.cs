namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>Where a service's release stands, as <c>status</c> and <c>zentoria_rollout_phase</c> show it.</summary>
internal enum RolloutPhase
{
    /// <summary>No release under way: the live version is the desired one, or nothing is to be done.</summary>
    Idle,

    /// <summary>A release is moving: a clone is being prepared, or traffic is shifting step by step.</summary>
    Progressing,

    /// <summary>Held: analysis was inconclusive, or a person paused it; traffic stays as it is.</summary>
    Paused,

    /// <summary>The new version passed: the stable side is being updated and traffic returns to it.</summary>
    Promoting,

    /// <summary>The new version failed: traffic goes back to stable and the clone is removed.</summary>
    RollingBack,

    /// <summary>The last release finished on the new version.</summary>
    Succeeded,

    /// <summary>The last release was withdrawn; the failed version is remembered and not retried by itself.</summary>
    Failed,
}
