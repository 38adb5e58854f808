namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The temporary clone as Proxmox shows it.</summary>
internal enum CloneState
{
    Absent,
    Stopped,
    Running,
}
