using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Sources;

/// <summary>What the source has delivered so far; replaced as a whole, so readers on other threads see one consistent view.</summary>
/// <param name="Desired">The last valid desired state, the one to enforce; null until one has loaded.</param>
/// <param name="Rejected">The newest revision that failed validation, when it is newer than <paramref name="Desired"/>.</param>
/// <param name="Failure">Why the last fetch failed; null after a successful one.</param>
internal sealed record SourceState(Desired? Desired, RejectedRevision? Rejected, SourceFailure? Failure, int ConsecutiveFailures)
{
    public static readonly SourceState Empty = new(null, null, null, 0);
}
