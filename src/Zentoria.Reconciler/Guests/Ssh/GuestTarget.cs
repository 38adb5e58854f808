using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>One guest as the SSH transport reaches it.</summary>
/// <param name="Endpoint">The container itself in <see cref="GuestTransportMode.Direct"/> mode; the Proxmox node in <see cref="GuestTransportMode.Pct"/> mode.</param>
/// <param name="VmId">The container on the node; required in <see cref="GuestTransportMode.Pct"/> mode.</param>
internal sealed record GuestTarget(GuestTransportMode Mode, SshEndpoint Endpoint, VmId? VmId)
{
    public static GuestTarget Direct(SshEndpoint container) => new(GuestTransportMode.Direct, container, null);

    public static GuestTarget Pct(SshEndpoint node, VmId vmId) => new(GuestTransportMode.Pct, node, vmId);

    public override string ToString() => VmId is { } id ? $"CT {id} via {Endpoint}" : Endpoint.ToString();
}
