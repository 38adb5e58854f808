namespace Zentoria.Reconciler.Control;

/// <summary>Whether disruptive steps may run now, and if not, from when.</summary>
/// <param name="NextOpening">When they may run next; null when allowed now, or when no opening falls within the
/// evaluator's horizon.</param>
/// <param name="Reason">A sentence for status, such as <c>deny window '0 22 * * *' (Europe/Amsterdam) is active</c>.</param>
internal sealed record WindowDecision(bool Allowed, DateTimeOffset? NextOpening, string Reason);
