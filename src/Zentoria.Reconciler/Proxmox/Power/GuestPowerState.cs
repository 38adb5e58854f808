namespace Zentoria.Reconciler.Proxmox;

/// <summary>A guest's <c>status</c>. <c>unknown</c> appears in <c>/cluster/resources</c> when a node has sent no stats.</summary>
internal enum GuestPowerState
{
    Unknown,
    Running,
    Stopped,
}
