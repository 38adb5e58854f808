using System.Collections.Immutable;

namespace Zentoria.Reconciler.Planning;

/// <summary>
/// A snapshot of what is live: every container Proxmox lists (managed or not), and the services and flag sets
/// that could be observed. A service or flag set absent here was not observed, which is not the same as wrong.
/// </summary>
internal sealed record LiveState(
    ImmutableArray<LiveContainer> Containers,
    ImmutableArray<LiveService> Services,
    ImmutableArray<LiveFlagSet> FlagSets)
{
    public static readonly LiveState Empty = new([], [], []);
}
