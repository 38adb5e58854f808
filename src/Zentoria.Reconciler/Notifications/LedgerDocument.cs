using System.Collections.Immutable;

namespace Zentoria.Reconciler.Notifications;

/// <summary>What <c>notifications.json</c> in the state folder holds, oldest entry first.</summary>
internal sealed record LedgerDocument(ImmutableArray<LedgerEntry> Entries)
{
    public static readonly LedgerDocument Empty = new([]);
}
