using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation.Services.Migrations;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Converges one service: observed (health and version) at the start of the pass by <see cref="ServiceObserver"/>,
/// then a ladder of early returns: suspended, a remembered failed version, an unfinished rollout to resume, not
/// observed, at the desired version (healthy or not), version unreadable, drift only reported, and finally a deploy
/// through the service's strategy (<see cref="DeployWithStrategyAsync"/>).
/// </summary>
internal sealed class ServiceUnitReconciler(
    ServiceObserver observer,
    ServiceProbe probe,
    RollingDeploy rolling,
    BlueGreenDeploy blueGreen,
    CanaryDeploy canary,
    Rollouts rollouts,
    FailedDeployments failures,
    UnitReporter reporter,
    StatusStore status,
    MigrationRunner migrations,
    RouteKeeper routes,
    Notifier notifier,
    TimeProvider time,
    ILogger<ServiceUnitReconciler> logger)
{
    public const string RolledBackPhase = "RolledBack";
    public const string DeployFailedPhase = "DeployFailed";
    public const string DeployingPhase = "Deploying";

    public static readonly string[] ActionNames =
    [
        ContainerSnapshots.TakeAction, ContainerSnapshots.DeleteAction, ContainerSnapshots.RollbackAction, RollingDeploy.DeployAction, RollingDeploy.RedeployAction,
        RouteKeeper.RouteAction, .. BlueGreenDeploy.ActionNames,
    ];

    /// <returns>How many mutating actions were taken, and the unit's result.</returns>
    public async Task<(int Actions, ReconcileResult Result)> ReconcileAsync(UnitWork work, Desired desired, CancellationToken cancellationToken)
    {
        var spec = desired.Services.First(s => s.Name.Value == work.Key.Name);
        var verdict = await DecideAsync(work, desired, spec, cancellationToken);
        reporter.Report(work.Key, work.Fingerprint, desired.Revision, verdict.Result, verdict.Sync, verdict.Health, verdict.Drift, verdict.Phase);
        if (StrategyNotice(spec) is { } notice && status.Find(work.Key) is { } reported)
        {
            status.SetPhase(work.Key, reported.Phase, $"{reported.Message.TrimEnd('.')}. {notice}");
        }

        return (verdict.Actions, verdict.Result);
    }

    /// <summary>Why a deploy of this service is in place whatever its strategy says; null when the strategy runs as configured.</summary>
    public static string? StrategyNotice(ServiceSpec spec) => spec.Version is null || !DeploysInPlaceInstead(spec.Strategy)
        ? null
        : $"Strategy {spec.Strategy.Type} needs strategy.cloneIp (the clone's address for the upstream): versions are deployed in place (Rolling).";

    /// <summary>BlueGreen and Canary without a known clone address.</summary>
    private static bool DeploysInPlaceInstead(StrategySpec strategy) => strategy.Type switch
    {
        StrategyKind.Rolling => false,
        StrategyKind.BlueGreen or StrategyKind.Canary => strategy.CloneIp is null,
        _ => true,
    };

    private async Task<ServiceVerdict> DecideAsync(UnitWork work, Desired desired, ServiceSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Drift.Mode == DriftMode.Suspend)
        {
            return new ServiceVerdict(ReconcileResult.Succeeded, SyncStatus.Unknown, HealthStatus.Suspended, 0, "Suspended");
        }

        if (desired.FindContainer(spec.Container) is not { } container)
        {
            return new ServiceVerdict(ReconcileResult.Terminal($"The container {spec.Container.Value} is not in the desired state."), SyncStatus.Unknown, HealthStatus.Unknown, 0);
        }

        var observation = observer.Last(spec.Name.Value);
        var unfinished = rollouts.Unfinished(work.Key);
        if (spec.Version is { } wanted && failures.Find(spec.Name.Value, wanted, desired.Revision) is { } failed)
        {
            if (observation?.Live is { Healthy: true } healed && healed.Version == wanted)
            {
                // Someone installed it by hand and it works: nothing is left to hold back.
                failures.Forget(spec.Name.Value);
            }
            else
            {
                if (unfinished is not null)
                {
                    rollouts.Finish(work.Key);
                }

                return Remembered(failed);
            }
        }

        if (unfinished is not null)
        {
            if (spec.Version is { } target)
            {
                return await ResumeAsync(work, desired, spec, container, unfinished, target, cancellationToken);
            }

            rollouts.Finish(work.Key);
        }

        if (observation is null || observation.Error is not null || observation.Live is null)
        {
            return new ServiceVerdict(ReconcileResult.Transient(observation?.Error ?? $"{spec.Name.Value} was not observed."), SyncStatus.Unknown, HealthStatus.Unknown, 0);
        }

        var live = observation.Live;
        var health = live.Healthy == true ? HealthStatus.Healthy : HealthStatus.Degraded;
        if (spec.Version is null || live.Version == spec.Version)
        {
            if (live.Healthy == true && await routes.KeepAsync(work, desired, spec, container, cancellationToken) is { } routed)
            {
                return routed;
            }

            return live.Healthy == true
                ? new ServiceVerdict(ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, 0)
                : new ServiceVerdict(ReconcileResult.Transient($"Unhealthy: {observation.Detail}"), SyncStatus.Synced, HealthStatus.Degraded, 0);
        }

        if (live.Version is null)
        {
            return new ServiceVerdict(ReconcileResult.Transient($"The running version cannot be read: {observation.Detail}"), SyncStatus.Unknown, health, 0);
        }

        // The planner applies the drift policy: no step when the version is ignored, a report-only step in Warn mode.
        var step = work.Steps.FirstOrDefault(s => s.Action == StepAction.Deploy);
        if (step is null || step.ReportOnly)
        {
            var reportOnly = step is not null;
            return new ServiceVerdict(ReconcileResult.Succeeded, reportOnly ? SyncStatus.OutOfSync : SyncStatus.Synced, health, reportOnly ? 1 : 0, reportOnly ? "DriftReported" : null);
        }

        if (spec.Migrations is not null && await RunMigrationsAsync(spec, desired, cancellationToken) is { } stopped)
        {
            return new ServiceVerdict(stopped, SyncStatus.OutOfSync, HealthStatus.Degraded, 1);
        }

        var rollout = rollouts.Record(work.Key, desired.Revision, new Rollout(live.Version, spec.Version, null, RolloutPhase.Deploying, null));
        return await DeployAsync(work, desired, spec, container, rollout, cancellationToken);
    }

    private Task<ServiceVerdict> ResumeAsync(UnitWork work, Desired desired, ServiceSpec spec, ContainerSpec container, Rollout unfinished, string target, CancellationToken cancellationToken)
    {
        Log.Resuming(logger, spec.Name.Value, unfinished.Target, unfinished.Phase.ToString());

        // A new target while a rollout was cut short: the journaled previous version is still the last one known good.
        var rollout = unfinished.Target == target
            ? unfinished
            : rollouts.Record(work.Key, desired.Revision, new Rollout(unfinished.Previous, target, null, RolloutPhase.Deploying, null));
        return DeployAsync(work, desired, spec, container, rollout, cancellationToken);
    }

    private async Task<ServiceVerdict> DeployAsync(UnitWork work, Desired desired, ServiceSpec spec, ContainerSpec container, Rollout rollout, CancellationToken cancellationToken)
    {
        if (probe.ShellFor(container) is not { } shell)
        {
            return new ServiceVerdict(ReconcileResult.Transient($"No guest shell reaches {container.Name.Value}."), SyncStatus.OutOfSync, HealthStatus.Unknown, 1);
        }

        status.SetPhase(work.Key, DeployingPhase, $"Deploying {rollout.Target} (was {rollout.Previous ?? "unknown"}), phase {rollout.Phase}.");
        var deployment = new ServiceDeployment(work.Key, spec, container, desired.Revision, shell, rollout, new StrongBox<int>());
        var outcome = await DeployWithStrategyAsync(deployment, desired, cancellationToken);
        var actions = deployment.Tally.Value;
        if (outcome is { Kind: DeployOutcomeKind.Failed or DeployOutcomeKind.Interrupted, Result: TerminalError terminal })
        {
            // Neither rolled forward nor back by itself: a person must look. The ledger sends this once per revision.
            notifier.Notify(new NotificationEvent(work.Key.ToString(), desired.Revision, NotificationKind.RolloutFailed,
                $"The release of {rollout.Target} to {spec.Name.Value} stopped and needs a person: {terminal.Message}", time.GetUtcNow()));
        }

        return outcome.Kind switch
        {
            DeployOutcomeKind.Deployed => new ServiceVerdict(outcome.Result, SyncStatus.Synced, HealthStatus.Healthy, 0, null, actions),
            DeployOutcomeKind.RolledBack => new ServiceVerdict(outcome.Result, SyncStatus.OutOfSync, HealthStatus.Degraded, 1, RolledBackPhase, actions),
            DeployOutcomeKind.Failed => new ServiceVerdict(outcome.Result, SyncStatus.OutOfSync, HealthStatus.Degraded, 1, DeployFailedPhase, actions),
            _ => new ServiceVerdict(outcome.Result, SyncStatus.OutOfSync, HealthStatus.Degraded, 1, DeployingPhase, actions),
        };
    }

    /// <summary>
    /// The one place a strategy chooses how a version is deployed. BlueGreen and Canary release through a temporary
    /// clone when its address is known and reached apart from the original; otherwise versions deploy in place like
    /// Rolling, and status says so (<see cref="StrategyNotice"/>).
    /// </summary>
    private Task<DeployOutcome> DeployWithStrategyAsync(ServiceDeployment deployment, Desired desired, CancellationToken cancellationToken)
    {
        var strategy = deployment.Spec.Strategy.Type;
        var inPlace = DeploysInPlaceInstead(deployment.Spec.Strategy) || (strategy is StrategyKind.BlueGreen or StrategyKind.Canary && !blueGreen.Reaches(deployment, desired));
        if (inPlace)
        {
            Log.StrategyNotImplemented(logger, deployment.Spec.Name.Value, strategy.ToString(), deployment.Rollout.Target);
        }

        return strategy switch
        {
            StrategyKind.Rolling => rolling.DeployAsync(deployment, cancellationToken),
            _ when inPlace => rolling.DeployAsync(deployment, cancellationToken),
            StrategyKind.BlueGreen => blueGreen.DeployAsync(deployment, desired, cancellationToken),
            StrategyKind.Canary => canary.DeployAsync(deployment, desired, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(deployment), strategy, "Unknown strategy."),
        };
    }

    /// <summary>
    /// Runs the service's migrations (backup first, restore on failure) before its new version is installed: null to
    /// go on with the deploy, or the result that stops it. A failed migration is remembered like a failed deploy, so
    /// the backup and the migration are not repeated every pass.
    /// </summary>
    private async Task<ReconcileResult?> RunMigrationsAsync(ServiceSpec spec, Desired desired, CancellationToken cancellationToken)
    {
        var version = spec.Version!;
        var outcome = await migrations.RunAsync(new MigrationRequest(desired, spec, version, desired.Revision), cancellationToken);
        if (outcome is not MigrationFailed failed)
        {
            return null;
        }

        var reason = failed.Restored
            ? $"The migration for {version} failed and the backup was restored: {failed.Reason}"
            : $"The migration for {version} failed: {failed.Reason}";
        var failure = new FailedDeployment(spec.Name.Value, version, desired.Revision, reason, failed.Restored, time.GetUtcNow());
        failures.Remember(failure);
        return ReconcileResult.Terminal(FailedDeploymentMessage.Of(failure));
    }

    private static ServiceVerdict Remembered(FailedDeployment failed) => new(
        ReconcileResult.Terminal(FailedDeploymentMessage.Of(failed)),
        SyncStatus.OutOfSync,
        HealthStatus.Degraded,
        1,
        failed.RolledBack ? RolledBackPhase : DeployFailedPhase);
}
