namespace Zentoria.Reconciler.Proxmox;

internal enum ClusterResourceType
{
    Unknown,
    Lxc,
    Qemu,
    Node,
    Storage,
    Sdn,
    Pool,
}
