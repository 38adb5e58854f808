namespace Zentoria.Reconciler.Reconciliation.Services;

internal enum DeployOutcomeKind
{
    /// <summary>The desired version runs and passed its health checks.</summary>
    Deployed,

    /// <summary>The desired version failed; the previous version (or the snapshot) runs healthy again.</summary>
    RolledBack,

    /// <summary>The desired version failed and neither the previous version nor a snapshot brought a healthy service back.</summary>
    Failed,

    /// <summary>The rollout could not go on (a guest or Proxmox unreachable); it stays journaled and resumes on a later pass.</summary>
    Interrupted,
}
