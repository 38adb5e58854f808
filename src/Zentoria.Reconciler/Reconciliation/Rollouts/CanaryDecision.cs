namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The next step of a canary release, the phase it puts the release in, and why.</summary>
/// <param name="Reason">One line for status and the audit trail.</param>
internal sealed record CanaryDecision(CanaryStep Step, RolloutPhase Phase, string Reason)
{
    /// <summary>Set when this observation fails the release: the caller counts the rollback once and reverts.</summary>
    public RollbackReason? Fails { get; init; }

    /// <summary>The canary's percent of requests, with <see cref="CanaryStep.SetWeight"/>.</summary>
    public int? Weight { get; init; }

    /// <summary>The step (0-based index into the strategy's steps) that <see cref="Weight"/> belongs to.</summary>
    public int? StepIndex { get; init; }

    /// <summary>How long to wait, with <see cref="CanaryStep.Wait"/>.</summary>
    public TimeSpan? Wait { get; init; }
}
