using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// The Rolling strategy: deploy in place. Journal the version that runs, optionally snapshot the container, install
/// the new version and check it; on failure redeploy the previous version and check that; if that fails too and a
/// snapshot was taken, roll the container back to it. A failed version is remembered with its revision.
/// </summary>
/// <remarks>
/// Every phase is journaled (<see cref="Rollouts"/>) before it acts and re-entered as it was after a restart: the
/// deploy command is idempotent by contract, a snapshot that exists is not taken again, and a rollout that was
/// rolling back keeps rolling back rather than trying the failed version a second time.
/// </remarks>
internal sealed class RollingDeploy(
    VersionInstaller installer,
    ContainerSnapshots snapshots,
    Rollouts rollouts,
    FailedDeployments failures,
    TimeProvider time,
    ILogger<RollingDeploy> logger)
{
    public const string DeployAction = "deploy";
    public const string RedeployAction = "redeploy-previous";

    public async Task<DeployOutcome> DeployAsync(ServiceDeployment deployment, CancellationToken cancellationToken)
    {
        var rollout = deployment.Rollout;
        if (rollout.Phase == RolloutPhase.Deploying)
        {
            if (deployment.Spec.DeploySettings.Snapshot)
            {
                if (rollout.Snapshot is null)
                {
                    // Named before it is taken, so a restart finds the snapshot it may have made instead of making another.
                    rollout = Record(ref deployment, rollout with { Snapshot = SnapshotNames.For(rollout.Previous, time.GetUtcNow()) });
                }

                var taken = await snapshots.TakeAsync(deployment, rollout.Snapshot!, cancellationToken);
                if (taken is TerminalError refused)
                {
                    // Nothing was installed: the version is not to blame, so it is not remembered as failed.
                    rollouts.Finish(deployment.Unit);
                    return DeployOutcome.Interrupted(ReconcileResult.Terminal($"Did not deploy {rollout.Target}: the snapshot {rollout.Snapshot} could not be taken: {refused.Message}"));
                }

                if (taken is not Done)
                {
                    return DeployOutcome.Interrupted(taken);
                }

                await snapshots.PruneAsync(deployment, cancellationToken);
            }

            var installed = await installer.InstallAsync(deployment, DeployAction, rollout.Target, rollout.Previous, cancellationToken);
            if (installed is Done)
            {
                rollouts.Finish(deployment.Unit);
                Log.Deployed(logger, deployment.Spec.Name.Value, rollout.Target, rollout.Previous ?? "unknown");
                return DeployOutcome.Deployed;
            }

            if (installed is not TerminalError failed)
            {
                return DeployOutcome.Interrupted(installed);
            }

            Log.DeployFailed(logger, deployment.Spec.Name.Value, rollout.Target, failed.Message);
            rollout = Record(ref deployment, rollout with { Phase = RolloutPhase.RollingBack, Failure = failed.Message });
        }

        if (rollout.Phase == RolloutPhase.RollingBack)
        {
            if (rollout.Previous is { } previous)
            {
                var back = await installer.InstallAsync(deployment, RedeployAction, previous, rollout.Target, cancellationToken);
                if (back is Done)
                {
                    return Conclude(deployment, rolledBack: true, Then(rollout.Failure, $"Rolled back: {previous} was redeployed and is healthy."));
                }

                if (back is not TerminalError backFailed)
                {
                    return DeployOutcome.Interrupted(back);
                }

                rollout = Record(ref deployment, rollout with { Phase = RolloutPhase.RestoringSnapshot, Failure = Then(rollout.Failure, $"Redeploying {previous} failed too: {backFailed.Message}") });
            }
            else
            {
                rollout = Record(ref deployment, rollout with { Phase = RolloutPhase.RestoringSnapshot, Failure = Then(rollout.Failure, "The version that ran before is unknown, so it cannot be redeployed.") });
            }
        }

        return await RestoreSnapshotAsync(deployment, rollout, cancellationToken);
    }

    private async Task<DeployOutcome> RestoreSnapshotAsync(ServiceDeployment deployment, Rollout rollout, CancellationToken cancellationToken)
    {
        if (rollout.Snapshot is not { } snapshot)
        {
            return Conclude(deployment, rolledBack: false, Then(rollout.Failure, "No snapshot was taken (deploy.snapshot is off), so nothing healthy is left to roll back to."));
        }

        var restored = await snapshots.RollbackAsync(deployment, snapshot, cancellationToken);
        if (restored is TransientError)
        {
            return DeployOutcome.Interrupted(restored);
        }

        if (restored is TerminalError refused)
        {
            return Conclude(deployment, rolledBack: false, Then(rollout.Failure, $"Rolling the container back to snapshot {snapshot} failed: {refused.Message}"));
        }

        Log.SnapshotRestored(logger, deployment.Spec.Name.Value, snapshot);
        var check = rollout.Previous is { } previous ? await installer.VerifyAsync(deployment, previous, cancellationToken) : "the version in the snapshot is unknown";
        return check is null
            ? Conclude(deployment, rolledBack: true, Then(rollout.Failure, $"The container was rolled back to snapshot {snapshot} and is healthy."))
            : Conclude(deployment, rolledBack: false, Then(rollout.Failure, $"The container was rolled back to snapshot {snapshot}, but {check}."));
    }

    /// <summary>Remembers the failed version first, then ends the rollout: a restart in between finds the memory and stops there.</summary>
    private DeployOutcome Conclude(ServiceDeployment deployment, bool rolledBack, string reason)
    {
        var failure = new FailedDeployment(deployment.Spec.Name.Value, deployment.Rollout.Target, deployment.Revision, reason, rolledBack, time.GetUtcNow());
        failures.Remember(failure);
        rollouts.Finish(deployment.Unit);
        Log.RolloutConcluded(logger, deployment.Spec.Name.Value, deployment.Rollout.Target, rolledBack ? "rolled back" : "failed", reason);
        return new DeployOutcome(rolledBack ? DeployOutcomeKind.RolledBack : DeployOutcomeKind.Failed, ReconcileResult.Terminal(FailedDeploymentMessage.Of(failure)));
    }

    private static string Then(string? before, string next) => before is null ? next : $"{before.TrimEnd('.')}. {next}";

    private Rollout Record(ref ServiceDeployment deployment, Rollout rollout)
    {
        rollouts.Record(deployment.Unit, deployment.Revision, rollout);
        deployment = deployment with { Rollout = rollout };
        return rollout;
    }
}
