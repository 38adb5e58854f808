namespace Zentoria.Reconciler.Proxmox;

internal enum NodeStatus
{
    Unknown,
    Online,
    Offline,
}
