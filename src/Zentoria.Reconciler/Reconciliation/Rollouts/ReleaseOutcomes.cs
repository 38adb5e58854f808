using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation.Services;
using RolloutJournal = Zentoria.Reconciler.Reconciliation.Services.Rollouts;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// How a blue/green or canary release starts and ends, the same for both strategies: the journaled rollout closed,
/// the phase and result counted, a failed version remembered, and one notification per (service, revision, event).
/// The drivers keep what differs: the status they show.
/// </summary>
internal sealed class ReleaseOutcomes(RolloutJournal rollouts, FailedDeployments failures, OperatorMetrics metrics, Notifier notifier, TimeProvider time)
{
    public void Started(ServiceDeployment original, StrategyKind strategy, VmId clone) =>
        Notify(original, NotificationKind.RolloutStarted, $"{Name(strategy)} release of {original.Rollout.Target} started on clone CT {clone.Value}.");

    public DeployOutcome Promoted(ServiceDeployment original, Rollout rollout, StrategyKind strategy)
    {
        rollouts.Finish(original.Unit);
        metrics.SetRolloutPhase(original.Spec.Name, RolloutPhase.Succeeded);
        metrics.RolloutCompleted(original.Spec.Name, strategy, RolloutResult.Promoted);
        Notify(original, NotificationKind.RolloutPromoted, $"{Name(strategy)} release of {rollout.Target} promoted (was {rollout.Previous ?? "unknown"}); the clone is destroyed.");
        return DeployOutcome.Deployed;
    }

    /// <summary>Remembers the failed version, then ends the rollout: all traffic is on the original and the clone is gone.</summary>
    public DeployOutcome Withdrawn(ServiceDeployment original, Rollout rollout, string reason, StrategyKind strategy)
    {
        var why = rollout.Failure is { } failure ? $"{failure.TrimEnd('.')}. {reason}" : reason;
        var remembered = new FailedDeployment(original.Spec.Name.Value, rollout.Target, original.Revision, $"{Name(strategy)}: {why}.", true, time.GetUtcNow());
        failures.Remember(remembered);
        rollouts.Finish(original.Unit);
        metrics.SetRolloutPhase(original.Spec.Name, RolloutPhase.Failed);
        metrics.RolloutCompleted(original.Spec.Name, strategy, RolloutResult.RolledBack);
        Notify(original, NotificationKind.RolloutRolledBack, $"{Name(strategy)} release of {rollout.Target} rolled back: {why}.");
        return new DeployOutcome(DeployOutcomeKind.RolledBack, ReconcileResult.Terminal(FailedDeploymentMessage.Of(remembered)));
    }

    private static string Name(StrategyKind strategy) => strategy == StrategyKind.BlueGreen ? "Blue/green" : "Canary";

    private void Notify(ServiceDeployment original, NotificationKind kind, string message) =>
        notifier.Notify(new NotificationEvent(original.Unit.ToString(), original.Revision, kind, message, time.GetUtcNow()));
}
