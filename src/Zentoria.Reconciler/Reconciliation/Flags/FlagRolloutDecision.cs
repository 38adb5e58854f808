namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>One flag's percentage to write now, what to remember, and what to tell.</summary>
/// <param name="Rollout">The percentage the file must hold after this pass.</param>
/// <param name="Record">What to keep in the state folder; null once the rollout is over (or never was).</param>
/// <param name="Message">One sentence for status; null when <see cref="FlagRolloutState.Complete"/>.</param>
/// <param name="NextAt">When the rollout can move next by itself (a step's interval ends); null when it waits for something else.</param>
internal sealed record FlagRolloutDecision(int Rollout, FlagRolloutState State, FlagRolloutRecord? Record, string? Message, DateTimeOffset? NextAt);
