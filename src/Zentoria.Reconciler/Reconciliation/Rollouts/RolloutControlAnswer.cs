using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <param name="Message">One human sentence saying what happened, or why nothing did.</param>
/// <param name="Request">The request recorded; null unless <paramref name="Outcome"/> is Accepted.</param>
/// <param name="Rollout">The release the request is for, as status showed it when asked.</param>
internal sealed record RolloutControlAnswer(RolloutControlOutcome Outcome, string Message, RolloutRequest? Request = null, RolloutStatus? Rollout = null);
