using System.Collections.Immutable;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The content of <c>rollout-requests.json</c>.</summary>
internal sealed record RolloutRequestsDocument(int Version, ImmutableArray<RolloutRequest> Requests)
{
    public const int CurrentVersion = 1;
}
