using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Status;
using RolloutJournal = Zentoria.Reconciler.Reconciliation.Services.Rollouts;
using ServiceRolloutPhase = Zentoria.Reconciler.Reconciliation.Services.RolloutPhase;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// The BlueGreen strategy: observe, ask <see cref="BlueGreenRelease.Decide"/> for the next step, take it through
/// <see cref="ActionRunner"/>, and observe again, until the release is done, failed, or must wait. Nothing but the
/// journaled rollout (previous version, and whether the release already failed) is carried between steps, so an
/// operator restarted anywhere continues from what it sees.
/// </summary>
internal sealed class BlueGreenDeploy(
    BlueGreenObserver observer,
    ServiceProbe probe,
    ProxmoxClient client,
    ActionRunner runner,
    VersionInstaller installer,
    UpstreamWriter writer,
    RolloutJournal rollouts,
    FailedDeployments failures,
    OperatorMetrics metrics,
    Notifier notifier,
    StatusStore status,
    TimeProvider time,
    ILogger<BlueGreenDeploy> logger)
{
    public const string CloneAction = "clone";
    public const string StartCloneAction = "start-clone";
    public const string DeployCloneAction = "deploy-clone";
    public const string SwitchAction = "switch-upstream";
    public const string DestroyCloneAction = "destroy-clone";
    public const string StatusPhase = "BlueGreen";

    /// <summary>More than the longest release (nine steps) plus the checks between them; bounds one call.</summary>
    private const int MaxSteps = 32;

    private static readonly TimeSpan ProgressDeadline = TimeSpan.FromHours(1);

    public static readonly string[] ActionNames = [CloneAction, StartCloneAction, DeployCloneAction, SwitchAction, DestroyCloneAction];

    /// <summary>
    /// False when this environment cannot tell the clone apart from the original (both answer at one endpoint, as the
    /// sandbox's simulated guests do today): a switch would then move nothing, so the caller deploys in place instead.
    /// </summary>
    public bool Reaches(ServiceDeployment deployment, Desired desired) =>
        BlueGreenSides.Of(deployment, desired, probe).Sides is not { } sides
        || observer.Endpoint(sides.Original) is not { } original
        || observer.Endpoint(sides.Temporary) is not { } clone
        || original != clone;

    public async Task<DeployOutcome> DeployAsync(ServiceDeployment deployment, Desired desired, CancellationToken cancellationToken)
    {
        var (sides, problem) = BlueGreenSides.Of(deployment, desired, probe);
        if (sides is null)
        {
            return DeployOutcome.Interrupted(ReconcileResult.Terminal($"Blue/green cannot run for {deployment.Spec.Name.Value}: {problem}."));
        }

        var checks = new HealthMemo();
        for (var i = 0; i < MaxSteps; i++)
        {
            var (view, error) = await observer.ObserveAsync(sides, cancellationToken);
            if (view is null)
            {
                return DeployOutcome.Interrupted(error!);
            }

            var rollout = rollouts.Unfinished(deployment.Unit) ?? deployment.Rollout;
            var decision = BlueGreenRelease.Decide(FactsOf(sides, rollout, view, checks));
            Report(sides, view, decision);
            if (decision.Fails is { } reason)
            {
                Log.BlueGreenFails(logger, deployment.Spec.Name.Value, rollout.Target, decision.Reason);
                metrics.RolledBack(deployment.Spec.Name, reason);
                rollouts.Record(deployment.Unit, deployment.Revision, rollout with { Phase = ServiceRolloutPhase.RollingBack, Failure = decision.Reason });
            }

            if (await TakeAsync(sides, decision, view, rollout, checks, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }

        return DeployOutcome.Interrupted(ReconcileResult.Transient($"The blue/green release of {deployment.Rollout.Target} took more than {MaxSteps} steps in one pass; it continues next pass."));
    }

    /// <returns>Null to observe again; otherwise how this pass ends.</returns>
    private async Task<DeployOutcome?> TakeAsync(BlueGreenSides sides, BlueGreenDecision decision, BlueGreenView view, Rollout rollout, HealthMemo checks, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original, sides.Temporary);
        Log.BlueGreenStepTaken(logger, original.Spec.Name.Value, decision.Step.ToString(), decision.Phase.ToString(), decision.Reason);
        switch (decision.Step)
        {
            case BlueGreenStep.CreateClone:
                Notify(original, NotificationKind.RolloutStarted, $"Blue/green release of {rollout.Target} started on clone CT {sides.CloneVmId.Value}.");
                return Continue(await CreateCloneAsync(sides, cancellationToken));
            case BlueGreenStep.StartClone:
                return Continue(await ProxmoxStepAsync(clone, StartCloneAction, "stopped", "running", token => client.Status.StartAsync(clone.Container.Node, sides.CloneVmId, token), cancellationToken));
            case BlueGreenStep.DeployToClone:
                return Installed(sides, rollout, checks, Side.Clone, rollout.Target, await installer.InstallAsync(clone, DeployCloneAction, rollout.Target, view.CloneVersion, cancellationToken));
            case BlueGreenStep.CheckClone:
                checks.Set(Side.Clone, view.CloneVersion, await installer.VerifyAsync(clone, view.CloneVersion ?? rollout.Target, cancellationToken) is null);
                return null;
            case BlueGreenStep.DeployToOriginal:
                return Installed(sides, rollout, checks, Side.Original, rollout.Target, await installer.InstallAsync(original, RollingDeploy.DeployAction, rollout.Target, view.OriginalVersion, cancellationToken));
            case BlueGreenStep.DeployPreviousToOriginal:
                return Installed(sides, rollout, checks, Side.Original, rollout.Previous!, await installer.InstallAsync(original, RollingDeploy.RedeployAction, rollout.Previous!, view.OriginalVersion, cancellationToken));
            case BlueGreenStep.CheckOriginal:
                checks.Set(Side.Original, view.OriginalVersion, view.OriginalVersion is { } running && await installer.VerifyAsync(original, running, cancellationToken) is null);
                return null;
            case BlueGreenStep.SwitchToClone:
                return Continue(await SwitchAsync(sides, UpstreamPool.Canary, clone, view, cancellationToken));
            case BlueGreenStep.SwitchToOriginal:
                return Continue(await SwitchAsync(sides, UpstreamPool.Stable, original, view, cancellationToken));
            case BlueGreenStep.DestroyClone:
                return Continue(await DestroyCloneAsync(sides, cancellationToken));
            case BlueGreenStep.Done:
                return Promoted(original, rollout);
            case BlueGreenStep.Wait:
                return DeployOutcome.Interrupted(ReconcileResult.After(decision.Wait ?? TimeSpan.FromMinutes(1), decision.Reason));
            default:
                return decision.Phase == RolloutPhase.Failed
                    ? Withdrawn(original, rollout, decision.Reason)
                    : DeployOutcome.Interrupted(ReconcileResult.Transient($"Blue/green {decision.Phase}: {decision.Reason}."));
        }
    }

    private BlueGreenFacts FactsOf(BlueGreenSides sides, Rollout rollout, BlueGreenView view, HealthMemo checks)
    {
        var original = sides.Original;
        var failed = rollout.Phase != ServiceRolloutPhase.Deploying
            || failures.Find(original.Spec.Name.Value, rollout.Target, original.Revision) is not null;
        return new BlueGreenFacts(
            rollout.Target,
            rollout.Previous,
            view.OriginalVersion,
            checks.Of(Side.Original, view.OriginalVersion),
            view.CloneState,
            view.CloneVersion,
            view.CloneState == CloneState.Running ? checks.Of(Side.Clone, view.CloneVersion) : null,
            view.Upstream,
            failed ? rollout.Target : null,
            AbortRequested: false,
            ReleaseStartedAt: null,
            ProgressDeadline,
            CloneIdleSince: null,
            KeepClone: TimeSpan.Zero,
            time.GetUtcNow());
    }

    /// <summary>The snapshot of the original a clone is made from, removed once the clone exists.</summary>
    public static string CloneSnapshotName(VmId clone) => $"zentoria-clone-{clone.Value}";

    private Task<ReconcileResult> CreateCloneAsync(BlueGreenSides sides, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original.Container, sides.Temporary.Container);
        return runner.RunAsync(sides.Original.Action(CloneAction, $"CT {original.VmId.Value}", $"CT {clone.VmId.Value}"), token => ProxmoxOutcome.Guard(async () =>
        {
            // Proxmox makes a full clone of a running container only from a snapshot; one a cut-short run left is reused.
            var snapshot = CloneSnapshotName(clone.VmId);
            if (!(await client.Snapshots.ListAsync(original.Node, original.VmId, token)).Any(s => s.Name == snapshot))
            {
                await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(original.Node, original.VmId, snapshot, token, "The source of a temporary blue/green clone, made by zentoria-reconciler."), token);
            }

            var request = new ContainerCloneRequest
            {
                NewId = clone.VmId,
                Hostname = clone.Hostname,
                Description = $"Temporary blue/green clone of {sides.Original.Spec.Name.Value} for {sides.Original.Rollout.Target}, made by zentoria-reconciler.",
                SnapshotName = snapshot,
            };
            await client.Tasks.WaitAsync(await client.Containers.CloneAsync(original.Node, original.VmId, request, token), token);
            await client.Tasks.WaitAsync(await client.Snapshots.DeleteAsync(original.Node, original.VmId, snapshot, token), token);

            // The clone's own net0 (its own MAC) with the strategy's address, so the two sides never share one.
            var config = await client.Config.GetAsync(clone.Node, clone.VmId, token);
            var net0 = Net0.With(config.Networks.GetValueOrDefault(0), clone.Network);
            await client.Config.UpdateAsync(clone.Node, clone.VmId, new ContainerConfigUpdate { Set = new Dictionary<string, string> { ["net0"] = net0 } }, token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
    }

    private Task<ReconcileResult> DestroyCloneAsync(BlueGreenSides sides, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original.Container, sides.Temporary.Container);
        return runner.RunAsync(sides.Temporary.Action(DestroyCloneAction, $"CT {clone.VmId.Value}", null), token => ProxmoxOutcome.Guard(async () =>
        {
            await client.Tasks.WaitAsync(await client.Containers.DestroyAsync(clone.Node, clone.VmId, token, purge: true, force: true), token);

            // The clone's source snapshot outlives the clone only when a run was cut short between making and removing it.
            var snapshot = CloneSnapshotName(clone.VmId);
            if ((await client.Snapshots.ListAsync(original.Node, original.VmId, token)).Any(s => s.Name == snapshot))
            {
                await client.Tasks.WaitAsync(await client.Snapshots.DeleteAsync(original.Node, original.VmId, snapshot, token), token);
            }

            return ReconcileResult.Succeeded;
        }), cancellationToken);
    }

    private Task<ReconcileResult> ProxmoxStepAsync(ServiceDeployment clone, string action, string? before, string? after, Func<CancellationToken, Task<Upid>> start, CancellationToken cancellationToken) =>
        runner.RunAsync(clone.Action(action, before, after), token => ProxmoxOutcome.Guard(async () =>
        {
            await client.Tasks.WaitAsync(await start(token), token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);

    private async Task<ReconcileResult> SwitchAsync(BlueGreenSides sides, UpstreamPool pool, ServiceDeployment to, BlueGreenView view, CancellationToken cancellationToken)
    {
        if (observer.Endpoint(to) is not { } endpoint)
        {
            return ReconcileResult.Terminal($"{to.Container.Name.Value} has no address for the upstream (network.ip is {to.Container.Network.Ip}).");
        }

        var routing = UpstreamRouting.All(sides.Target.Upstream, pool, endpoint);
        var result = await runner.RunAsync(sides.Original.Action(SwitchAction, view.Routing?.ToString(), routing.ToString()), async token =>
            (await writer.WriteAsync(sides.Proxy, sides.Target, routing, reloadIfUnchanged: false, token)).ToReconcileResult(), cancellationToken);
        if (result is Done)
        {
            metrics.SetCanaryWeights(sides.Original.Spec.Name, routing);
        }

        return result;
    }

    private static DeployOutcome? Continue(ReconcileResult result) => result is Done ? null : DeployOutcome.Interrupted(result);

    /// <summary>
    /// A release version that fails to install or check fails the release, and the next decision reverts it; a
    /// previous version that fails to go back ends the pass, because only a person can say what runs there now.
    /// </summary>
    private DeployOutcome? Installed(BlueGreenSides sides, Rollout rollout, HealthMemo checks, Side side, string version, ReconcileResult result)
    {
        checks.Set(side, version, result is Done);
        if (result is not TerminalError failed)
        {
            return Continue(result);
        }

        if (version != rollout.Target)
        {
            return DeployOutcome.Interrupted(result);
        }

        var original = sides.Original;
        Log.BlueGreenFails(logger, original.Spec.Name.Value, version, failed.Message);
        if (rollout.Phase == ServiceRolloutPhase.Deploying)
        {
            metrics.RolledBack(original.Spec.Name, RollbackReason.Deploy);
            rollouts.Record(original.Unit, original.Revision, rollout with { Phase = ServiceRolloutPhase.RollingBack, Failure = failed.Message });
        }

        return null;
    }

    private DeployOutcome Promoted(ServiceDeployment original, Rollout rollout)
    {
        rollouts.Finish(original.Unit);
        metrics.SetRolloutPhase(original.Spec.Name, RolloutPhase.Succeeded);
        metrics.RolloutCompleted(original.Spec.Name, StrategyKind.BlueGreen, RolloutResult.Promoted);
        Notify(original, NotificationKind.RolloutPromoted, $"Blue/green release of {rollout.Target} promoted (was {rollout.Previous ?? "unknown"}); the clone is destroyed.");
        return DeployOutcome.Deployed;
    }

    /// <summary>Remembers the failed version, then ends the rollout: traffic is on the original and the clone is gone.</summary>
    private DeployOutcome Withdrawn(ServiceDeployment original, Rollout rollout, string reason)
    {
        var why = rollout.Failure is { } failure ? $"{failure.TrimEnd('.')}. {reason}" : reason;
        var remembered = new FailedDeployment(original.Spec.Name.Value, rollout.Target, original.Revision, $"Blue/green: {why}.", true, time.GetUtcNow());
        failures.Remember(remembered);
        rollouts.Finish(original.Unit);
        metrics.SetRolloutPhase(original.Spec.Name, RolloutPhase.Failed);
        metrics.RolloutCompleted(original.Spec.Name, StrategyKind.BlueGreen, RolloutResult.RolledBack);
        Notify(original, NotificationKind.RolloutRolledBack, $"Blue/green release of {rollout.Target} rolled back: {why}.");
        return new DeployOutcome(DeployOutcomeKind.RolledBack, ReconcileResult.Terminal(FailedDeploymentMessage.Of(remembered)));
    }

    private void Report(BlueGreenSides sides, BlueGreenView view, BlueGreenDecision decision)
    {
        var serving = view.Upstream switch
        {
            UpstreamSide.Original => $"the original CT {sides.Original.Container.VmId.Value}",
            UpstreamSide.Clone => $"the clone CT {sides.CloneVmId.Value}",
            var other => other.ToString().ToLowerInvariant(),
        };
        metrics.SetRolloutPhase(sides.Original.Spec.Name, decision.Phase);
        status.SetPhase(sides.Original.Unit, $"{StatusPhase}{decision.Phase}", $"Blue/green {decision.Phase}, traffic on {serving}: next {decision.Step}, {decision.Reason}.");
    }

    private void Notify(ServiceDeployment original, NotificationKind kind, string message) =>
        notifier.Notify(new NotificationEvent(original.Unit.ToString(), original.Revision, kind, message, time.GetUtcNow()));
}
