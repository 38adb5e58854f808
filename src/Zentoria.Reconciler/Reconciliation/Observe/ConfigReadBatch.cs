using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Observe;

/// <summary>
/// Config reads of some containers, each on one node: one queue per node, read by as many readers as the client lets
/// into that node at once. One queue across the cluster would leave a reader waiting for a full node's slot while
/// another node had one free.
/// </summary>
/// <remarks>
/// A batch may start before the pass knows which of its reads it needs (<see cref="Need"/>). Until then a failed read
/// is only remembered: the container may have moved or gone, and its read was never going to succeed. A failure of a
/// read that is needed stops every read of the observation.
/// </remarks>
internal sealed class ConfigReadBatch
{
    private readonly ConfigReads reads;
    private readonly IReadOnlyList<(VmId VmId, NodeName Node)> targets;
    private readonly IReadOnlyList<PendingConfigValue>?[] results;
    private readonly Exception?[] failures;
    private readonly Lock gate = new();
    private bool[]? needed;

    public ConfigReadBatch(ConfigReads reads, ProxmoxClient client, IReadOnlyList<(VmId VmId, NodeName Node)> targets, bool[]? needed)
    {
        this.reads = reads;
        this.targets = targets;
        this.needed = needed;
        results = new IReadOnlyList<PendingConfigValue>?[targets.Count];
        failures = new Exception?[targets.Count];
        var readers = Enumerable.Range(0, targets.Count)
            .GroupBy(i => targets[i].Node)
            .SelectMany(node =>
            {
                var queue = new ConcurrentQueue<int>(node);
                return Enumerable.Range(0, Math.Min(client.MaxConcurrentRequestsPerNode, queue.Count)).Select(_ => ReadAsync(client, queue));
            });
        Completion = Task.WhenAll(readers.ToList());
    }

    /// <summary>Completes when every reader has stopped; it never faults (failures go to <see cref="ConfigReads"/>).</summary>
    public Task Completion { get; }

    /// <summary>What was read for target <paramref name="index"/>; only for a needed read, once the observation did not fail.</summary>
    public IReadOnlyList<PendingConfigValue> Result(int index) =>
        results[index] ?? throw new InvalidOperationException($"The config read of CT {targets[index].VmId.Value} on {targets[index].Node.Value} has no result.");

    /// <summary>Says which reads the pass needs: the others are skipped if not yet sent, and their failures ignored.</summary>
    public void Need(bool[] which)
    {
        Exception? failed = null;
        lock (gate)
        {
            needed = which;
            for (var i = 0; i < failures.Length && failed is null; i++)
            {
                failed = which[i] ? failures[i] : null;
            }
        }

        if (failed is not null)
        {
            reads.Fail(failed);
        }
    }

    private async Task ReadAsync(ProxmoxClient client, ConcurrentQueue<int> queue)
    {
        while (!reads.Stopped && queue.TryDequeue(out var i))
        {
            if (Volatile.Read(ref needed) is { } known && !known[i])
            {
                continue;
            }

            try
            {
                await reads.Cluster.WaitAsync(reads.Token);
                try
                {
                    results[i] = await client.Config.GetPendingAsync(targets[i].Node, targets[i].VmId, reads.Token);
                }
                finally
                {
                    reads.Cluster.Release();
                }
            }
            catch (Exception e)
            {
                bool fatal;
                lock (gate)
                {
                    failures[i] = e;
                    fatal = needed is { } decided && decided[i];
                }

                if (fatal)
                {
                    reads.Fail(e);
                }
            }
        }
    }
}
