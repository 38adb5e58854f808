using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>A container's configuration: read (merged or current), pending changes, write, disk growth.</summary>
internal sealed class ContainerConfigClient(ProxmoxConnection connection)
{
    /// <summary>GET /nodes/{node}/lxc/{vmid}/config — pending values merged in, as the next start will see them.</summary>
    public Task<ContainerConfig> GetAsync(NodeName node, VmId vmid, CancellationToken cancellationToken) =>
        connection.GetAsync<ContainerConfig>(ProxmoxRoutes.ContainerConfig(node, vmid), cancellationToken);

    /// <summary>GET /nodes/{node}/lxc/{vmid}/config?current=1 — the values in effect now.</summary>
    public Task<ContainerConfig> GetCurrentAsync(NodeName node, VmId vmid, CancellationToken cancellationToken) =>
        connection.GetAsync<ContainerConfig>(ProxmoxRoutes.ContainerConfig(node, vmid), cancellationToken, new FormParameters().Add("current", true));

    /// <summary>GET /nodes/{node}/lxc/{vmid}/pending — every key with its running and pending value, sorted by key.</summary>
    /// <param name="once">One attempt, never retried: for a guess the caller makes again the normal way when it fails.</param>
    public async Task<IReadOnlyList<PendingConfigValue>> GetPendingAsync(NodeName node, VmId vmid, CancellationToken cancellationToken, bool once = false)
    {
        var values = await connection.GetAsync<List<PendingConfigValue>>(
            ProxmoxRoutes.ContainerPending(node, vmid), cancellationToken, operation: once ? OperationClass.Probe : OperationClass.Read);
        values.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return values;
    }

    /// <summary>
    /// PUT /nodes/{node}/lxc/{vmid}/config — synchronous. On a running container some keys stay pending until the
    /// next start; a failed hot-plug answers 400 and nothing is written (PVE 8.3+), so re-read after an error.
    /// </summary>
    public Task UpdateAsync(NodeName node, VmId vmid, ContainerConfigUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.IsEmpty)
        {
            throw new ArgumentException("A config update needs at least one value, delete or revert.", nameof(update));
        }

        var request = new ApiRequest(HttpMethod.Put, ProxmoxRoutes.ContainerConfig(node, vmid), OperationClass.Write, update.ToParameters());
        return connection.SendWithoutResultAsync(request, cancellationToken);
    }

    /// <summary>PUT /nodes/{node}/lxc/{vmid}/resize — grows <paramref name="disk"/> (<c>rootfs</c>, <c>mp0</c>) by <paramref name="growByBytes"/>; Proxmox cannot shrink.</summary>
    public Task<Upid> GrowDiskAsync(NodeName node, VmId vmid, string disk, long growByBytes, CancellationToken cancellationToken, string? digest = null)
    {
        var parameters = new FormParameters().Add("disk", disk).Add("size", "+" + DiskSize.Format(growByBytes)).Add("digest", digest);
        return connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Put, ProxmoxRoutes.ContainerResize(node, vmid), OperationClass.Write, parameters), cancellationToken);
    }
}
