namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// What a progressive rollout must remember across restarts and the flags file cannot say: when its live
/// percentage was reached, the last step that stayed healthy, and whether it was rolled back.
/// </summary>
/// <param name="Percentage">The live percentage this record speaks of; a file that says otherwise was changed by someone else.</param>
/// <param name="ReachedAt">When <paramref name="Percentage"/> was written (or first seen).</param>
/// <param name="LastGood">The highest percentage the owning service stayed healthy through; where a rollback returns.</param>
/// <param name="Signature">The desired steps, rollout and interval it follows (<see cref="FlagRolloutPlanner.Signature"/>).</param>
/// <param name="Revision">The desired-state revision of the last write; the file carries the same.</param>
/// <param name="HeldBecause">Set by a rollback: the rollout holds at <paramref name="LastGood"/> until <paramref name="Signature"/> changes.</param>
internal sealed record FlagRolloutRecord(
    string FlagSet,
    string Flag,
    int Percentage,
    DateTimeOffset ReachedAt,
    int LastGood,
    string Signature,
    string Revision,
    string? HeldBecause);
