using System.Collections.Immutable;

namespace Zentoria.Reconciler.Notifications;

/// <summary>One notification in <c>notifications.json</c>: what to send, to whom it has gone, and when to try again.</summary>
/// <param name="DeliveredTo">The targets that answered 2xx, by <see cref="NotificationTargets.Id"/> (a hash, never the URL).</param>
/// <param name="NextAttemptAt">When to try the remaining targets; null once <paramref name="Finished"/>.</param>
/// <param name="Finished">Delivered everywhere, or given up after the last attempt; kept only to refuse duplicates.</param>
internal sealed record LedgerEntry(
    NotificationEvent Event,
    ImmutableArray<string> DeliveredTo,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    bool Finished);
