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
/// A batch of guesses (reads sent before the listing says where the containers are) makes one attempt per read, and
/// a failure there is never the observation's: the caller reads again, the normal way, whatever the listing confirms
/// and the batch has no result for. A guess that finds no config (the container moved or is gone) is expected; any
/// other failure stops the batch, so an outage costs one failed guess per reader rather than one per container.
/// In a batch of needed reads, the first failure stops every read of the observation.
/// </remarks>
internal sealed class ConfigReadBatch
{
    private readonly ConfigReads reads;
    private readonly IReadOnlyList<(VmId VmId, NodeName Node, int Slot)> targets;
    private readonly IReadOnlyList<PendingConfigValue>?[] results;
    private readonly bool guesses;
    private bool[]? needed;
    private volatile bool halted;

    /// <param name="results">Where each read's answer goes, at its target's <c>Slot</c>.</param>
    public ConfigReadBatch(ConfigReads reads, ProxmoxClient client, IReadOnlyList<(VmId VmId, NodeName Node, int Slot)> targets, IReadOnlyList<PendingConfigValue>?[] results, bool guesses)
    {
        this.reads = reads;
        this.targets = targets;
        this.results = results;
        this.guesses = guesses;
        var readers = Enumerable.Range(0, targets.Count)
            .GroupBy(i => targets[i].Node)
            .SelectMany(node =>
            {
                var queue = new ConcurrentQueue<int>(node);
                return Enumerable.Range(0, Math.Min(client.MaxConcurrentRequestsPerNode, queue.Count)).Select(_ => ReadAsync(client, queue));
            });
        Completion = Task.WhenAll(readers.ToList());
    }

    /// <summary>Completes when every reader has stopped; it never faults (a needed read's failure goes to <see cref="ConfigReads"/>).</summary>
    public Task Completion { get; }

    /// <summary>Says which guesses (by target index) the pass needs: the others are skipped if not yet sent.</summary>
    public void Need(bool[] which) => Volatile.Write(ref needed, which);

    private async Task ReadAsync(ProxmoxClient client, ConcurrentQueue<int> queue)
    {
        while (!halted && !reads.Stopped && queue.TryDequeue(out var i))
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
                    results[targets[i].Slot] = await client.Config.GetPendingAsync(targets[i].Node, targets[i].VmId, reads.Token, once: guesses);
                }
                finally
                {
                    reads.Cluster.Release();
                }
            }
            catch (ProxmoxNotFoundException) when (guesses)
            {
                // Not on the node the last listing named: the listing says where it went, if anywhere.
            }
            catch (Exception) when (guesses)
            {
                halted = true;
            }
            catch (Exception e)
            {
                reads.Fail(e);
            }
        }
    }
}
