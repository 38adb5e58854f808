using System.Collections.Immutable;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>The content of <c>flag-rollouts.json</c> in the state folder.</summary>
internal sealed record FlagRolloutDocument(int Version, ImmutableArray<FlagRolloutRecord> Rollouts)
{
    public const int CurrentVersion = 1;
}
