namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>Where a rollout is; journaled, so a restart resumes at the same point rather than starting over.</summary>
internal enum RolloutPhase
{
    /// <summary>Snapshot (when asked for), deploy the new version, check it.</summary>
    Deploying,

    /// <summary>The new version failed: redeploy the previous one and check it.</summary>
    RollingBack,

    /// <summary>The previous version failed too: roll the container back to the snapshot taken before.</summary>
    RestoringSnapshot,
}
