using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Serialises mutations toward one Proxmox node. Proxmox takes a per-guest config lock and runs each change as
/// a node task; two concurrent changes on one node mostly buy lock timeouts, not speed. Reads need no lease.
/// </summary>
internal sealed class NodeMutationLock : IDisposable
{
    private readonly ConcurrentDictionary<NodeName, SemaphoreSlim> nodes = new();

    /// <summary>Waits until no other mutation holds <paramref name="node"/>; dispose the lease to release it.</summary>
    public async Task<Lease> AcquireAsync(NodeName node, CancellationToken cancellationToken)
    {
        var semaphore = nodes.GetOrAdd(node, static _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Lease(semaphore);
    }

    public void Dispose()
    {
        foreach (var semaphore in nodes.Values)
        {
            semaphore.Dispose();
        }
    }
}
