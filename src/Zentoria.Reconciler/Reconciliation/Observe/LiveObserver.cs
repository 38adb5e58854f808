using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Reconciliation.Services;

namespace Zentoria.Reconciler.Reconciliation.Observe;

/// <summary>
/// Reads the live state once per pass: one <c>GET /cluster/resources?type=vm</c>, then <c>GET .../pending</c>
/// (running values and pending changes in one answer) for the managed containers only, at bounded parallelism.
/// </summary>
/// <remarks>
/// Any failure propagates: a pass must never plan against a partial snapshot, which would look like missing
/// containers and plan creates. Services (health and version) and flag sets are read through the guest shells
/// when <paramref name="services"/> and <paramref name="flags"/> are configured (a sandbox, or an environment with
/// guests); without them the live state has none, so the planner plans none for them.
/// </remarks>
internal sealed class LiveObserver(ProxmoxClient client, FlagSetObserver? flags = null, ServiceObserver? services = null)
{
    /// <summary>Config reads in flight at once across the cluster; the client also caps each node (3 by default).</summary>
    public const int Parallelism = 16;

    /// <param name="include">Which desired containers to read; a pass reads only the ones that are due. Null: all.</param>
    public async Task<LiveState> ObserveAsync(Desired desired, CancellationToken cancellationToken, Func<VmId, bool>? include = null)
    {
        var resources = await client.Cluster.GetContainersAsync(cancellationToken);
        var wanted = desired.Containers.Select(c => c.VmId).Where(include ?? (_ => true)).ToHashSet();
        var desiredIds = desired.Containers.Select(c => c.VmId).ToHashSet();
        var tag = desired.Environment.ManagedTag.Trim().ToLowerInvariant();
        var managed = resources
            .Where(r => r is { VmId: not null, Node: not null, Template: false })
            .Where(r => wanted.Contains(r.VmId!.Value) || (desired.Environment.Prune && !desiredIds.Contains(r.VmId!.Value) && tag.Length > 0 && r.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))))
            .ToList();

        var live = await ReadConfigsAsync(managed, cancellationToken);
        var flagSets = flags is null ? [] : await flags.ObserveAsync(desired, cancellationToken);
        var liveServices = services is null ? [] : await services.ObserveAsync(desired, cancellationToken);
        return new LiveState([.. live], liveServices, flagSets);
    }

    /// <summary>
    /// One queue per node, read by as many readers as the client lets into that node at once, all under the
    /// cluster-wide <see cref="Parallelism"/>. One queue across the cluster would leave a reader waiting for a full
    /// node's slot while another node had one free.
    /// </summary>
    private async Task<LiveContainer[]> ReadConfigsAsync(List<ClusterResource> managed, CancellationToken cancellationToken)
    {
        var live = new LiveContainer[managed.Count];
        using var cluster = new SemaphoreSlim(Parallelism, Parallelism);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? first = null;

        async Task ReadAsync(ConcurrentQueue<int> queue)
        {
            try
            {
                while (queue.TryDequeue(out var i))
                {
                    await cluster.WaitAsync(stop.Token);
                    try
                    {
                        var resource = managed[i];
                        var (vmid, node) = (resource.VmId!.Value, resource.Node!.Value);
                        live[i] = LiveContainerMapper.Map(vmid, node, resource, await client.Config.GetPendingAsync(node, vmid, stop.Token));
                    }
                    finally
                    {
                        cluster.Release();
                    }
                }
            }
            catch (Exception e)
            {
                // The first failure is the one to report; the others are mostly the cancellation it caused.
                Interlocked.CompareExchange(ref first, e, null);
                await stop.CancelAsync();
            }
        }

        var readers = managed
            .Select((resource, i) => (resource.Node!.Value, i))
            .GroupBy(r => r.Value, r => r.i)
            .SelectMany(node =>
            {
                var queue = new ConcurrentQueue<int>(node);
                return Enumerable.Range(0, Math.Min(client.MaxConcurrentRequestsPerNode, queue.Count)).Select(_ => ReadAsync(queue));
            });
        await Task.WhenAll(readers.ToList());
        if (first is not null)
        {
            ExceptionDispatchInfo.Throw(first);
        }

        return live;
    }
}
