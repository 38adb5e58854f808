using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Caps requests in flight per node: pvedaemon serves protected calls with 3 workers, and a queue there
/// only turns into 30 s proxy timeouts. Cluster-wide paths share one slot pool.
/// </summary>
internal sealed class NodeConcurrencyLimiter(int maxPerNode) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async ValueTask<NodeConcurrencyLease> AcquireAsync(NodeName? node, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(node?.Value ?? "", _ => new SemaphoreSlim(maxPerNode, maxPerNode));
        await gate.WaitAsync(cancellationToken);
        return new NodeConcurrencyLease(gate);
    }

    public void Dispose()
    {
        foreach (var gate in gates.Values)
        {
            gate.Dispose();
        }
    }
}
