namespace Zentoria.Reconciler.Proxmox;

internal enum TaskState
{
    Unknown,
    Running,
    Stopped,
}
