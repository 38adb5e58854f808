namespace Zentoria.Reconciler.Reconciliation;

/// <summary>The scheduler's memory of one unit.</summary>
/// <param name="Fingerprint">The desired-state fingerprint the last result was recorded for.</param>
/// <param name="Failures">Consecutive transient errors; 0 after any success.</param>
internal sealed record UnitSchedule(DateTimeOffset DueAt, int Failures, string Fingerprint, bool Stalled);
