using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary><c>/cluster</c>: the cluster-wide resource view and free vmids.</summary>
internal sealed class ClusterClient(ProxmoxConnection connection)
{
    /// <summary>GET /cluster/resources?type=vm, containers only (QEMU guests are dropped), sorted by vmid.</summary>
    public async Task<IReadOnlyList<ClusterResource>> GetContainersAsync(CancellationToken cancellationToken)
    {
        var all = await GetResourcesAsync("vm", cancellationToken);
        return [.. all.Where(r => r.Type == ClusterResourceType.Lxc && r.VmId is not null).OrderBy(r => r.VmId!.Value)];
    }

    /// <summary>GET /cluster/resources; <paramref name="type"/> is <c>vm</c>, <c>storage</c>, <c>node</c>, <c>sdn</c> or null for all.</summary>
    public async Task<IReadOnlyList<ClusterResource>> GetResourcesAsync(string? type, CancellationToken cancellationToken) =>
        await connection.GetAsync<List<ClusterResource>>(ProxmoxRoutes.ClusterResources(), cancellationToken, new FormParameters().Add("type", type));

    /// <summary>
    /// GET /cluster/nextid: the lowest free vmid, or <paramref name="candidate"/> if it is free (else a
    /// parameter error). Only a hint: it reserves nothing, so concurrent creators race.
    /// </summary>
    public Task<VmId> GetNextIdAsync(CancellationToken cancellationToken, VmId? candidate = null) =>
        connection.GetAsync<VmId>(ProxmoxRoutes.ClusterNextId(), cancellationToken, new FormParameters().Add("vmid", candidate?.Value));
}
