using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Containers of a node: list, create, clone, destroy.</summary>
internal sealed class ContainersClient(ProxmoxConnection connection, ClusterClient cluster, TasksClient tasks, TimeProvider timeProvider, ILogger logger)
{
    // A task found after a lost answer must have started around our request, not be an older one of a reused
    // vmid; the margin absorbs clock skew between this host and the node.
    private static readonly TimeSpan TaskClockMargin = TimeSpan.FromMinutes(5);

    /// <summary>GET /nodes/{node}/lxc — that node's containers the caller may audit, sorted by vmid.</summary>
    public async Task<IReadOnlyList<ContainerStatus>> ListAsync(NodeName node, CancellationToken cancellationToken)
    {
        var containers = await connection.GetAsync<List<ContainerStatus>>(ProxmoxRoutes.Containers(node), cancellationToken);
        return [.. containers.OrderBy(c => c.VmId)];
    }

    /// <summary>POST /nodes/{node}/lxc — returns the <c>vzcreate</c> task.</summary>
    public Task<Upid> CreateAsync(NodeName node, ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = new ApiRequest(HttpMethod.Post, ProxmoxRoutes.Containers(node), OperationClass.Create, request.ToParameters());
        return SendCreateAsync(api, node, request.VmId, request.VmId, "vzcreate", cancellationToken);
    }

    /// <summary>POST /nodes/{node}/lxc/{vmid}/clone — returns the <c>vzclone</c> task, which runs on the source's node.</summary>
    public Task<Upid> CloneAsync(NodeName node, VmId source, ContainerCloneRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var api = new ApiRequest(HttpMethod.Post, ProxmoxRoutes.ContainerClone(node, source), OperationClass.Create, request.ToParameters());
        return SendCreateAsync(api, node, request.NewId, source, "vzclone", cancellationToken);
    }

    /// <summary>DELETE /nodes/{node}/lxc/{vmid} — returns the <c>vzdestroy</c> task; <paramref name="force"/> stops a running container first.</summary>
    public Task<Upid> DestroyAsync(NodeName node, VmId vmid, CancellationToken cancellationToken, bool purge = false, bool force = false, bool destroyUnreferencedDisks = false)
    {
        var parameters = new FormParameters()
            .Add("purge", purge ? true : null)
            .Add("force", force ? true : null)
            .Add("destroy-unreferenced-disks", destroyUnreferencedDisks ? true : null);
        return connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Delete, ProxmoxRoutes.Container(node, vmid), OperationClass.Write, parameters), cancellationToken);
    }

    /// <summary>
    /// A create whose answer was lost is never re-sent blindly. If the new vmid does not exist, nothing happened
    /// and sending again is safe (Proxmox refuses a second create of one vmid, so it cannot duplicate). If it
    /// exists, the first request did happen: its task is looked up instead.
    /// </summary>
    private async Task<Upid> SendCreateAsync(ApiRequest request, NodeName node, VmId newId, VmId taskId, string taskType, CancellationToken cancellationToken)
    {
        var sentAt = timeProvider.GetUtcNow();
        try
        {
            return await connection.SendAsync<Upid>(request, cancellationToken);
        }
        catch (ProxmoxException lost) when (lost.MayHaveBeenApplied)
        {
            logger.CheckingAmbiguousCreate(taskType, newId.Value, node.Value, lost.Kind.ToString());
            if (!await ExistsAsync(newId, cancellationToken))
            {
                logger.ResendingCreate(taskType, newId.Value, node.Value);
                try
                {
                    return await connection.SendAsync<Upid>(request, cancellationToken);
                }
                catch (ProxmoxAlreadyExistsException)
                {
                    // The first request was still in flight when we looked; it won.
                }
            }

            return await FindTaskAsync(node, taskId, taskType, sentAt - TaskClockMargin, cancellationToken)
                ?? throw new ProxmoxOutcomeUnknownException(
                    $"{request.Context} lost its answer ({lost.Kind}) and CT {newId} now exists, but its {taskType} task was not found; re-read the container instead of creating it again.",
                    request.Context,
                    lost);
        }
    }

    private async Task<bool> ExistsAsync(VmId vmid, CancellationToken cancellationToken)
    {
        var guests = await cluster.GetResourcesAsync("vm", cancellationToken);
        return guests.Any(g => g.VmId == vmid);
    }

    private async Task<Upid?> FindTaskAsync(NodeName node, VmId taskId, string taskType, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        try
        {
            var recent = await tasks.ListAsync(node, taskId, taskType, 5, cancellationToken);
            return recent
                .Select(t => Upid.TryParse(t.Upid, out var upid) ? upid : null)
                .FirstOrDefault(u => u is not null && u.StartTime >= notBefore);
        }
        catch (ProxmoxException)
        {
            return null;
        }
    }
}
