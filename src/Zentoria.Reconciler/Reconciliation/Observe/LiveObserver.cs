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
        List<(VmId VmId, NodeName Node, int Slot)> guessed = [.. wanted.Where(last.ContainsKey).Select((vmid, g) => (vmid, last[vmid], g))];
        var guessedConfigs = new IReadOnlyList<PendingConfigValue>?[guessed.Count];
        var guesses = reads.Start(guessed, guessedConfigs, guesses: true);
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
        var configs = new IReadOnlyList<PendingConfigValue>?[managed.Count];
        var (confirmedAt, unguessed) = Match(managed, guessed);
        guesses.Need([.. confirmedAt.Select(i => i >= 0)]);
        var others = reads.Start(unguessed, configs, guesses: false);
        await guesses.Completion;
        // Confirmed guesses that failed or were never sent (the batch stopped at a failure) are read the normal way.
        List<(VmId VmId, NodeName Node, int Slot)> missed = [];
        for (var g = 0; g < guessed.Count; g++)
        {
            if (confirmedAt[g] is var i and >= 0)
            {
                configs[i] = guessedConfigs[g];
                if (configs[i] is null)
                {
                    missed.Add(guessed[g] with { Slot = i });
                }
            }
        }

        var again = reads.Start(missed, configs, guesses: false);
        await Task.WhenAll(others.Completion, again.Completion);
        reads.ThrowIfFailed();

        ImmutableArray<LiveContainer> containers = [.. managed.Select((r, i) => LiveContainerMapper.Map(r.VmId!.Value, r.Node!.Value, r,
            configs[i] ?? throw new InvalidOperationException("A needed config read ended without a result or a failure.")))];
        placements = Placements(resources);
        var flagSets = flags is null ? [] : await flags.ObserveAsync(desired, cancellationToken);
        var liveServices = services is null ? [] : await services.ObserveAsync(desired, cancellationToken);
        return new LiveState(containers, liveServices, flagSets);
    }

    /// <summary>
    /// For each guess, the index of the managed container whose node the listing confirms (-1 for none); and the managed
    /// containers no guess covers, each with its index as the slot its read fills.
    /// </summary>
    private static (int[] ConfirmedAt, List<(VmId VmId, NodeName Node, int Slot)> Unguessed) Match(List<ClusterResource> managed, List<(VmId VmId, NodeName Node, int Slot)> guessed)
    {
        var guessIndex = new Dictionary<VmId, int>(guessed.Count);
        for (var g = 0; g < guessed.Count; g++)
        {
            guessIndex[guessed[g].VmId] = g;
        }

        var confirmedAt = new int[guessed.Count];
        Array.Fill(confirmedAt, -1);
        List<(VmId VmId, NodeName Node, int Slot)> unguessed = [];
        for (var i = 0; i < managed.Count; i++)
        {
            var (vmid, node) = (managed[i].VmId!.Value, managed[i].Node!.Value);
            if (guessIndex.TryGetValue(vmid, out var g) && guessed[g].Node == node)
            {
                confirmedAt[g] = i;
                continue;
            }

            unguessed.Add((vmid, node, i));
        }

        return (confirmedAt, unguessed);
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
