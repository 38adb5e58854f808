using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.Sources;

/// <summary>One fetched revision of the desired state, checked out on disk.</summary>
/// <param name="Path">The desired-state folder to hand to the loader (the path inside the repository for git).</param>
/// <param name="Revision">The commit SHA for git; the loader's content hash for a plain folder.</param>
internal sealed record SourceSnapshot(string Path, string Revision, DateTimeOffset FetchedAt)
{
    /// <summary>The load of <see cref="Path"/> the fetch already did to name the revision, so it is not done twice; null for git.</summary>
    public DesiredStateLoadResult? Loaded { get; init; }
}
