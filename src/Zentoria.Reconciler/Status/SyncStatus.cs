namespace Zentoria.Reconciler.Status;

/// <summary>Whether live state matches desired state (Argo CD's sync axis).</summary>
internal enum SyncStatus
{
    Unknown,
    Synced,
    OutOfSync,
}
