namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>The next step of a blue/green release, the phase it puts the release in, and why.</summary>
/// <param name="Reason">One line for status and the audit trail.</param>
internal sealed record BlueGreenDecision(BlueGreenStep Step, RolloutPhase Phase, string Reason)
{
    /// <summary>Set when this observation fails the release: the caller remembers the desired version as failed, once.</summary>
    public RollbackReason? Fails { get; init; }

    /// <summary>How long to wait, with <see cref="BlueGreenStep.Wait"/>.</summary>
    public TimeSpan? Wait { get; init; }
}
