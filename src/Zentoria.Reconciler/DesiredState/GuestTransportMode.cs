namespace Zentoria.Reconciler.DesiredState;

internal enum GuestTransportMode
{
    /// <summary>SSH into the container's own address.</summary>
    Direct,

    /// <summary>SSH into the Proxmox node, then <c>pct exec</c>.</summary>
    Pct,
}
