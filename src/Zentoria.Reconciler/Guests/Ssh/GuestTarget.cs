using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>One guest as the SSH transport reaches it.</summary>
/// <param name="Endpoint">The container itself in <see cref="GuestTransportMode.Direct"/> mode; the Proxmox node in <see cref="GuestTransportMode.Pct"/> mode.</param>
/// <param name="VmId">The container on the node; required in <see cref="GuestTransportMode.Pct"/> mode.</param>
internal sealed record GuestTarget(GuestTransportMode Mode, SshEndpoint Endpoint, VmId? VmId)
{
    public static GuestTarget Direct(SshEndpoint container) => new(GuestTransportMode.Direct, container, null);

    public static GuestTarget Pct(SshEndpoint node, VmId vmId) => new(GuestTransportMode.Pct, node, vmId);

    /// <summary>The target an environment's <c>guests</c> settings give for one container.</summary>
    /// <param name="containerAddress">The container's address (desired or observed); needed in direct mode only.</param>
    /// <param name="nodeHost">The Proxmox node's SSH host, such as the API URL's host; needed in pct mode only.</param>
    /// <returns>null in direct mode when the container has no address yet (DHCP, not observed).</returns>
    public static GuestTarget? For(GuestAccessSpec access, VmId vmId, string? containerAddress, string nodeHost, int port = 22) => access.Mode switch
    {
        GuestTransportMode.Pct => Pct(new SshEndpoint(nodeHost, port, access.User), vmId),
        _ when containerAddress is not null => Direct(new SshEndpoint(containerAddress, port, access.User)),
        _ => null,
    };

    public override string ToString() => VmId is { } id ? $"CT {id} via {Endpoint}" : Endpoint.ToString();
}
