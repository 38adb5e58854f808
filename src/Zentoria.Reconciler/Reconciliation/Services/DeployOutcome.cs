namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>How a deploy ended, and the unit's result for it.</summary>
internal sealed record DeployOutcome(DeployOutcomeKind Kind, ReconcileResult Result)
{
    public static DeployOutcome Deployed { get; } = new(DeployOutcomeKind.Deployed, ReconcileResult.Succeeded);

    public static DeployOutcome Interrupted(ReconcileResult result) => new(DeployOutcomeKind.Interrupted, result);
}
