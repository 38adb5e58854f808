namespace Zentoria.Reconciler.DesiredState;

/// <summary>A Proxmox cluster node, such as <c>pve</c>.</summary>
internal readonly record struct NodeName(string Value)
{
    public override string ToString() => Value;
}
