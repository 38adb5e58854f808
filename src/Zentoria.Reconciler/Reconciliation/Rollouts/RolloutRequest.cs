namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <param name="Service">The service whose release is concerned.</param>
/// <param name="Kind">Promote or abort.</param>
/// <param name="Actor">Who asked, for the audit trail (never a token).</param>
/// <param name="At">When it was asked.</param>
internal sealed record RolloutRequest(string Service, RolloutRequestKind Kind, string Actor, DateTimeOffset At);
