using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Container snapshots. All changes run as tasks that take the guest's lock.</summary>
internal sealed class SnapshotsClient(ProxmoxConnection connection)
{
    /// <summary>GET /nodes/{node}/lxc/{vmid}/snapshot — oldest first, <c>current</c> last (Proxmox sends them unordered).</summary>
    public async Task<IReadOnlyList<ContainerSnapshot>> ListAsync(NodeName node, VmId vmid, CancellationToken cancellationToken)
    {
        var snapshots = await connection.GetAsync<List<ContainerSnapshot>>(ProxmoxRoutes.Snapshots(node, vmid), cancellationToken);
        return [.. snapshots.OrderBy(s => s.IsCurrent).ThenBy(s => s.SnapTime).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>POST /nodes/{node}/lxc/{vmid}/snapshot — <paramref name="name"/> matches <c>^[a-z][a-z0-9_-]+$</c>, at most 40 characters.</summary>
    public Task<Upid> CreateAsync(NodeName node, VmId vmid, string name, CancellationToken cancellationToken, string? description = null)
    {
        var parameters = new FormParameters().Add("snapname", name).Add("description", description);
        return connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Post, ProxmoxRoutes.Snapshots(node, vmid), OperationClass.Write, parameters), cancellationToken);
    }

    /// <summary>POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback — a running container is hard-stopped first and stays stopped unless <paramref name="start"/>.</summary>
    public Task<Upid> RollbackAsync(NodeName node, VmId vmid, string name, CancellationToken cancellationToken, bool start = false)
    {
        var parameters = new FormParameters().Add("start", start ? true : null);
        return connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Post, ProxmoxRoutes.SnapshotRollback(node, vmid, name), OperationClass.Write, parameters), cancellationToken);
    }

    /// <summary>DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}</summary>
    public Task<Upid> DeleteAsync(NodeName node, VmId vmid, string name, CancellationToken cancellationToken, bool force = false)
    {
        var parameters = new FormParameters().Add("force", force ? true : null);
        return connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Delete, ProxmoxRoutes.Snapshot(node, vmid, name), OperationClass.Write, parameters), cancellationToken);
    }
}
