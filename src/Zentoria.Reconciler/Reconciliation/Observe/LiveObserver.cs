using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Reconciliation.Services;

namespace Zentoria.Reconciler.Reconciliation.Observe;

/// <summary>
/// Reads the live state once per pass: one <c>GET /cluster/resources?type=vm</c>, and <c>GET .../pending</c> (running
/// values and pending changes in one answer) for the managed containers only, at bounded parallelism.
/// </summary>
/// <remarks>
/// <para>
/// The config reads of containers the last good observation placed start together with this pass's listing, so a pass
/// costs one round trip less than listing first would. These guesses make one attempt each and count only where this
/// listing confirms the node: a container that moved since is read again on its new node, one that is gone is missing,
/// and a confirmed guess that failed is read again the normal way, with retries. Calls stay at 1 + N per pass unless a
/// container moved or a guess failed, each of which costs one more; the first pass after a start, or after a failed
/// observation, lists first.
/// </para>
/// <para>
/// Any failure of a read the pass needs propagates: a pass must never plan against a partial snapshot, which would look
/// like missing containers and plan creates. Services (health and version) and flag sets are read through the guest
/// shells when <paramref name="services"/> and <paramref name="flags"/> are configured (a sandbox, or an environment
/// with guests); without them the live state has none, so the planner plans none for them.
/// </para>
/// </remarks>
internal sealed class LiveObserver(ProxmoxClient client, FlagSetObserver? flags = null, ServiceObserver? services = null)
{
    /// <summary>Config reads in flight at once across the cluster; the client also caps each node (3 by default).</summary>
    public const int Parallelism = 16;

    // Where the last listing put each container: a guess for the next pass's early reads, never a fact of its own.
    private Dictionary<VmId, NodeName> placements = [];

    /// <param name="include">Which desired containers to read; a pass reads only the ones that are due. Null: all.</param>
    public async Task<LiveState> ObserveAsync(Desired desired, CancellationToken cancellationToken, Func<VmId, bool>? include = null)
    {
        var wanted = desired.Containers.Select(c => c.VmId).Where(include ?? (_ => true)).ToHashSet();
        using var reads = new ConfigReads(client, Parallelism, cancellationToken);
        var listing = client.Cluster.GetContainersAsync(cancellationToken);
        // Taken, not read: an observation that fails leaves no guesses, so an outage costs one round of them, not one a pass.
        var last = Interlocked.Exchange(ref placements, []);
        List<(VmId VmId, NodeName Node)> guessed = [.. wanted.Where(last.ContainsKey).Select(vmid => (vmid, last[vmid]))];
        var guesses = reads.Start(guessed, guesses: true);
        IReadOnlyList<ClusterResource> resources;
        try
        {
            resources = await listing;
        }
        catch
        {
            reads.Stop();
            await guesses.Completion;
            throw;
        }

        var managed = Managed(desired, resources, wanted);
        var (sources, confirmed, unguessed) = Match(managed, guessed);
        guesses.Need(confirmed);
        var others = reads.Start(unguessed, guesses: false);
        await guesses.Completion;
        // Confirmed guesses that failed or were never sent (the batch stopped at a failure) are read the normal way.
        List<int> missed = [.. Enumerable.Range(0, guessed.Count).Where(g => confirmed[g] && guesses.Result(g) is null)];
        var again = reads.Start([.. missed.Select(g => guessed[g])], guesses: false);
        await Task.WhenAll(others.Completion, again.Completion);
        reads.ThrowIfFailed();

        var retried = missed.Select((g, i) => (g, i)).ToDictionary(p => p.g, p => p.i);
        IReadOnlyList<PendingConfigValue> ConfigOf((bool Late, int Index) source) =>
            (source.Late ? others.Result(source.Index) : guesses.Result(source.Index) ?? again.Result(retried[source.Index]))
            ?? throw new InvalidOperationException("A needed config read ended without a result or a failure.");
        ImmutableArray<LiveContainer> containers = [.. managed.Select((r, i) => LiveContainerMapper.Map(r.VmId!.Value, r.Node!.Value, r, ConfigOf(sources[i])))];
        placements = Placements(resources);
        var flagSets = flags is null ? [] : await flags.ObserveAsync(desired, cancellationToken);
        var liveServices = services is null ? [] : await services.ObserveAsync(desired, cancellationToken);
        return new LiveState(containers, liveServices, flagSets);
    }

    /// <summary>
    /// Where each managed container's config comes from: the early read if it went to the node the listing confirms,
    /// otherwise a read still to make (<c>Late</c>, an index into <c>Unguessed</c>).
    /// </summary>
    private static ((bool Late, int Index)[] Sources, bool[] Confirmed, List<(VmId VmId, NodeName Node)> Unguessed) Match(List<ClusterResource> managed, List<(VmId VmId, NodeName Node)> guessed)
    {
        var guessIndex = new Dictionary<VmId, int>(guessed.Count);
        for (var g = 0; g < guessed.Count; g++)
        {
            guessIndex[guessed[g].VmId] = g;
        }

        var sources = new (bool Late, int Index)[managed.Count];
        var confirmed = new bool[guessed.Count];
        List<(VmId VmId, NodeName Node)> rest = [];
        for (var i = 0; i < managed.Count; i++)
        {
            var (vmid, node) = (managed[i].VmId!.Value, managed[i].Node!.Value);
            if (guessIndex.TryGetValue(vmid, out var g) && guessed[g].Node == node)
            {
                (sources[i], confirmed[g]) = ((false, g), true);
                continue;
            }

            sources[i] = (true, rest.Count);
            rest.Add((vmid, node));
        }

        return (sources, confirmed, rest);
    }

    private static Dictionary<VmId, NodeName> Placements(IReadOnlyList<ClusterResource> resources)
    {
        // Indexed, not ToDictionary: a listing taken mid-migration must not fail the pass over a guess.
        var placed = new Dictionary<VmId, NodeName>(resources.Count);
        foreach (var resource in resources)
        {
            if (resource is { VmId: { } vmid, Node: { } node, Template: false })
            {
                placed[vmid] = node;
            }
        }

        return placed;
    }

    private static List<ClusterResource> Managed(Desired desired, IReadOnlyList<ClusterResource> resources, HashSet<VmId> wanted)
    {
        var desiredIds = desired.Containers.Select(c => c.VmId).ToHashSet();
        var tag = desired.Environment.ManagedTag.Trim().ToLowerInvariant();
        return resources
            .Where(r => r is { VmId: not null, Node: not null, Template: false })
            .Where(r => wanted.Contains(r.VmId!.Value) || (desired.Environment.Prune && !desiredIds.Contains(r.VmId!.Value) && tag.Length > 0 && r.Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase))))
            .ToList();
    }
}
