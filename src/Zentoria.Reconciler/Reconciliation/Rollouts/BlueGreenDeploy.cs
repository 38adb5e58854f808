using System.Collections.Immutable;
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
    ReleaseOutcomes outcomes,
    StatusStore status,
    ReleaseClock clock,
    RolloutRequests requests,
    TimeProvider time,
    ILogger<BlueGreenDeploy> logger)
{
    public const string CloneAction = "clone";
    public const string StartCloneAction = "start-clone";
    public const string DeployCloneAction = "deploy-clone";
    public const string SwitchAction = "switch-upstream";
    public const string DestroyCloneAction = "destroy-clone";
    public const string StatusPhase = "BlueGreen";

    /// <summary>The snapshot a clone is made from; not <see cref="SnapshotNames.Prefix"/>, so pruning never counts it.</summary>
    public const string CloneSource = "bluegreen-clone-source";

    /// <summary>More than the longest release (nine steps) plus the checks between them; bounds one call.</summary>
    private const int MaxSteps = 32;

    public static readonly string[] ActionNames = [CloneAction, StartCloneAction, DeployCloneAction, SwitchAction, DestroyCloneAction];

    /// <summary>The seed's release, in order: a step's place here is the <see cref="RolloutStatus.StepIndex"/> status shows.</summary>
    public static readonly BlueGreenStep[] HappyPath =
    [
        BlueGreenStep.CreateClone, BlueGreenStep.StartClone, BlueGreenStep.DeployToClone, BlueGreenStep.CheckClone, BlueGreenStep.SwitchToClone,
        BlueGreenStep.DeployToOriginal, BlueGreenStep.CheckOriginal, BlueGreenStep.SwitchToOriginal, BlueGreenStep.DestroyClone,
    ];

    /// <summary>
    /// False when this environment cannot tell the clone apart from the original (both answer at one endpoint, as
    /// simulated guests that follow no simulated cluster do): a switch would then move nothing, so the caller deploys
    /// in place instead.
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
            var request = RequestFor(deployment, rollout);
            var facts = FactsOf(sides, rollout, view, checks, request);
            var decision = BlueGreenRelease.Decide(facts);
            Report(sides, view, decision, rollout, facts.ReleaseStartedAt);
            if (decision.Fails is { } reason)
            {
                Log.BlueGreenFails(logger, deployment.Spec.Name.Value, rollout.Target, decision.Reason);
                metrics.RolledBack(deployment.Spec.Name, reason);
                rollouts.Record(deployment.Unit, deployment.Revision, rollout with { Phase = ServiceRolloutPhase.RollingBack, Failure = decision.Reason });
            }

            if (request is { Kind: RolloutRequestKind.Abort } && (decision.Fails is not null || facts.Failed))
            {
                // Taken: the release is being reverted, whoever failed it first.
                requests.Clear(deployment.Spec.Name.Value);
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
                outcomes.Started(original, StrategyKind.BlueGreen, sides.CloneVmId);
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
                return Promoted(sides, rollout, view);
            case BlueGreenStep.Wait:
                // Released: the original serves the new version; only the kept clone is left, until the delay ends.
                return new DeployOutcome(DeployOutcomeKind.Deployed, ReconcileResult.After(decision.Wait ?? TimeSpan.FromMinutes(1), decision.Reason));
            default:
                return decision.Phase == RolloutPhase.Failed
                    ? Withdrawn(sides, rollout, view, decision.Reason)
                    : DeployOutcome.Interrupted(ReconcileResult.Transient($"Blue/green {decision.Phase}: {decision.Reason}."));
        }
    }

    /// <summary>The request made for this release; one made before it began asked about another and is dropped unheeded.</summary>
    private RolloutRequest? RequestFor(ServiceDeployment deployment, Rollout rollout)
    {
        var service = deployment.Spec.Name.Value;
        if (requests.Find(service) is not { } request)
        {
            return null;
        }

        if (request.At >= clock.StartedAt(deployment.Unit, deployment.Revision, rollout.Target))
        {
            return request;
        }

        requests.Clear(service);
        return null;
    }

    private BlueGreenFacts FactsOf(BlueGreenSides sides, Rollout rollout, BlueGreenView view, HealthMemo checks, RolloutRequest? request)
    {
        var original = sides.Original;
        var strategy = original.Spec.Strategy;
        var failed = rollout.Phase != ServiceRolloutPhase.Deploying
            || failures.Find(original.Spec.Name.Value, rollout.Target, original.Revision) is not null;
        var started = clock.StartedAt(original.Unit, original.Revision, rollout.Target);
        var idle = view.OriginalVersion == rollout.Target && view.Upstream == UpstreamSide.Original && view.CloneState != CloneState.Absent && !failed
            ? clock.CloneIdleSince(original.Unit, original.Revision, rollout.Target)
            : (DateTimeOffset?)null;
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
            AbortRequested: request?.Kind == RolloutRequestKind.Abort,
            started,
            strategy.ProgressDeadline,
            idle,
            KeepClone: request?.Kind == RolloutRequestKind.Promote ? TimeSpan.Zero : strategy.KeepClone,
            time.GetUtcNow());
    }

    /// <summary>Clones the original to the temporary VMID with its own address; the canary's clone is made the same way.</summary>
    public Task<ReconcileResult> CreateCloneAsync(BlueGreenSides sides, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original.Container, sides.Temporary.Container);
        return runner.RunAsync(sides.Original.Action(CloneAction, $"CT {original.VmId.Value}", $"CT {clone.VmId.Value}"), token => ProxmoxOutcome.Guard(async () =>
        {
            // Proxmox makes a full clone of a running container only from a snapshot. One left by an interrupted
            // clone is stale, so it is taken afresh, and dropped once the clone exists.
            await DropCloneSourceAsync(original, token);
            await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(original.Node, original.VmId, CloneSource, token, "Taken by zentoria-reconciler as the source of a blue/green clone; deleted once the clone exists."), token);
            var request = new ContainerCloneRequest
            {
                NewId = clone.VmId,
                Hostname = clone.Hostname,
                Description = $"Temporary blue/green clone of {sides.Original.Spec.Name.Value} for {sides.Original.Rollout.Target}, made by zentoria-reconciler.",
                Full = true,
                SnapshotName = CloneSource,
            };
            await client.Tasks.WaitAsync(await client.Containers.CloneAsync(original.Node, original.VmId, request, token), token);
            await DropCloneSourceAsync(original, token);

            // The clone's own net0 (its own MAC) with the strategy's address, so the two sides never share one.
            var config = await client.Config.GetAsync(clone.Node, clone.VmId, token);
            var net0 = Net0.With(config.Networks.GetValueOrDefault(0), clone.Network);
            await client.Config.UpdateAsync(clone.Node, clone.VmId, new ContainerConfigUpdate { Set = new Dictionary<string, string> { ["net0"] = net0 } }, token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
    }

    public Task<ReconcileResult> DestroyCloneAsync(BlueGreenSides sides, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original.Container, sides.Temporary.Container);
        return runner.RunAsync(sides.Temporary.Action(DestroyCloneAction, $"CT {clone.VmId.Value}", null), token => ProxmoxOutcome.Guard(async () =>
        {
            await client.Tasks.WaitAsync(await client.Containers.DestroyAsync(clone.Node, clone.VmId, token, purge: true, force: true), token);

            // The clone's source snapshot outlives the clone only when a run was cut short between making and removing it.
            await DropCloneSourceAsync(original, token);

            return ReconcileResult.Succeeded;
        }), cancellationToken);
    }

    private async Task DropCloneSourceAsync(ContainerSpec original, CancellationToken cancellationToken)
    {
        if ((await client.Snapshots.ListAsync(original.Node, original.VmId, cancellationToken)).Any(s => s.Name == CloneSource))
        {
            await client.Tasks.WaitAsync(await client.Snapshots.DeleteAsync(original.Node, original.VmId, CloneSource, cancellationToken), cancellationToken);
        }
    }

    public Task<ReconcileResult> ProxmoxStepAsync(ServiceDeployment clone, string action, string? before, string? after, Func<CancellationToken, Task<Upid>> start, CancellationToken cancellationToken) =>
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
    /// The canary's installs are judged the same way.
    /// </summary>
    public DeployOutcome? Installed(BlueGreenSides sides, Rollout rollout, HealthMemo checks, Side side, string version, ReconcileResult result, StrategyKind strategy = StrategyKind.BlueGreen)
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
        if (strategy == StrategyKind.Canary)
        {
            Log.CanaryFails(logger, original.Spec.Name.Value, version, failed.Message);
        }
        else
        {
            Log.BlueGreenFails(logger, original.Spec.Name.Value, version, failed.Message);
        }

        if (rollout.Phase == ServiceRolloutPhase.Deploying)
        {
            metrics.RolledBack(original.Spec.Name, VersionInstaller.FailedItsChecks(failed, version) ? RollbackReason.Health : RollbackReason.Deploy);
            rollouts.Record(original.Unit, original.Revision, rollout with { Phase = ServiceRolloutPhase.RollingBack, Failure = failed.Message });
        }

        return null;
    }

    private DeployOutcome Promoted(BlueGreenSides sides, Rollout rollout, BlueGreenView view)
    {
        Finished(sides, rollout, view, RolloutPhase.Succeeded);
        return outcomes.Promoted(sides.Original, rollout, StrategyKind.BlueGreen);
    }

    private DeployOutcome Withdrawn(BlueGreenSides sides, Rollout rollout, BlueGreenView view, string reason)
    {
        Finished(sides, rollout, view, RolloutPhase.Failed);
        return outcomes.Withdrawn(sides.Original, rollout, reason, StrategyKind.BlueGreen);
    }

    /// <summary>The release's last status stays shown; a request made for it has nothing left to act on.</summary>
    private void Finished(BlueGreenSides sides, Rollout rollout, BlueGreenView view, RolloutPhase phase)
    {
        var started = status.Find(sides.Original.Unit)?.Rollout?.StartedAt;
        status.SetRollout(sides.Original.Unit, StatusOf(rollout, view, phase, null, started));
        requests.Clear(sides.Original.Spec.Name.Value);
    }

    private static RolloutStatus StatusOf(Rollout rollout, BlueGreenView view, RolloutPhase phase, BlueGreenStep? step, DateTimeOffset? started)
    {
        var index = step is { } next && Array.IndexOf(HappyPath, next) is >= 0 and var at ? at + 1 : (int?)null;
        return new RolloutStatus(
            nameof(StrategyKind.BlueGreen),
            phase.ToString(),
            rollout.Target,
            step?.ToString(),
            index,
            HappyPath.Length,
            view.Routing?.PercentOf(UpstreamPool.Stable) ?? 0,
            view.Routing?.PercentOf(UpstreamPool.Canary) ?? 0,
            null,
            ImmutableDictionary<string, double>.Empty,
            started);
    }

    private void Report(BlueGreenSides sides, BlueGreenView view, BlueGreenDecision decision, Rollout rollout, DateTimeOffset? started)
    {
        var serving = view.Upstream switch
        {
            UpstreamSide.Original => $"the original CT {sides.Original.Container.VmId.Value}",
            UpstreamSide.Clone => $"the clone CT {sides.CloneVmId.Value}",
            var other => other.ToString().ToLowerInvariant(),
        };
        metrics.SetRolloutPhase(sides.Original.Spec.Name, decision.Phase);
        status.SetRollout(sides.Original.Unit, StatusOf(rollout, view, decision.Phase, decision.Step, started));
        status.SetPhase(sides.Original.Unit, $"{StatusPhase}{decision.Phase}", $"Blue/green {decision.Phase}, traffic on {serving}: next {decision.Step}, {decision.Reason}.");
    }
}
