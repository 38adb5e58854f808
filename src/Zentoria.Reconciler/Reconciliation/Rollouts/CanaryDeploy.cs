using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Health;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using RolloutJournal = Zentoria.Reconciler.Reconciliation.Services.Rollouts;
using ServiceRolloutPhase = Zentoria.Reconciler.Reconciliation.Services.RolloutPhase;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// The Canary strategy: observe, ask <see cref="CanaryRelease.Decide"/> for the next step, take it, observe again,
/// until the release is done, failed, or must wait out a step's interval, which ends the pass with a requeue rather
/// than blocking. The ladder (step, when it was entered, failed analyses, last verdict) is journaled as
/// <see cref="CanaryProgress"/>, so an operator restarted anywhere continues where the release stood.
/// </summary>
internal sealed class CanaryDeploy(
    BlueGreenObserver observer,
    BlueGreenDeploy clones,
    ServiceProbe probe,
    ProxmoxClient client,
    ActionRunner runner,
    VersionInstaller installer,
    UpstreamWriter writer,
    RolloutJournal rollouts,
    Journal journal,
    FailedDeployments failures,
    RolloutRequests requests,
    HealthChecker health,
    OperatorMetrics metrics,
    ReleaseOutcomes outcomes,
    StatusStore status,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public const string StatusPhase = "Canary";
    public const string StrategyName = "Canary";

    /// <summary>More than the longest run of steps between two waits; bounds one call.</summary>
    private const int MaxSteps = 40;

    private static readonly HttpClient PrometheusHttp = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    private readonly ILogger logger = loggers.CreateLogger<CanaryDeploy>();

    /// <summary>
    /// The steps' intervals are the analysis itself, not a lack of progress, so the release may take them plus the
    /// strategy's <c>progressDeadline</c> (default 10 minutes, as Flagger and Argo Rollouts): held analyses end there.
    /// </summary>
    public static TimeSpan ProgressDeadline(StrategySpec strategy) => (strategy.Interval * strategy.Steps.Length) + strategy.ProgressDeadline;

    public async Task<DeployOutcome> DeployAsync(ServiceDeployment deployment, Desired desired, CancellationToken cancellationToken)
    {
        var (sides, problem) = BlueGreenSides.Of(deployment, desired, probe);
        if (sides is null)
        {
            return DeployOutcome.Interrupted(ReconcileResult.Terminal($"The canary cannot run for {deployment.Spec.Name.Value}: {problem}."));
        }

        var checks = new HealthMemo();
        var target = (rollouts.Unfinished(deployment.Unit) ?? deployment.Rollout).Target;
        var progress = Load(deployment.Unit) is { } journaled && journaled.Target == target
            ? journaled
            : Save(deployment, CanaryProgress.Start(time.GetUtcNow(), target));
        for (var i = 0; i < MaxSteps; i++)
        {
            var (view, error) = await observer.ObserveAsync(sides, cancellationToken);
            if (view is null)
            {
                return DeployOutcome.Interrupted(error!);
            }

            var rollout = rollouts.Unfinished(deployment.Unit) ?? deployment.Rollout;
            var request = requests.Find(deployment.Spec.Name.Value);
            var facts = FactsOf(sides, rollout, view, checks, progress, request?.Kind);
            var decision = CanaryRelease.Decide(facts);
            Report(sides, view, facts, decision);
            Log.CanaryStepTaken(logger, deployment.Spec.Name.Value, decision.Step.ToString(), decision.Phase.ToString(), decision.Reason);
            if (request is not null && Acted(request.Kind, facts, decision))
            {
                requests.Clear(deployment.Spec.Name.Value);
            }

            if (decision.Fails is { } reason)
            {
                Log.CanaryFails(logger, deployment.Spec.Name.Value, rollout.Target, decision.Reason);
                metrics.RolledBack(deployment.Spec.Name, reason);
                rollouts.Record(deployment.Unit, deployment.Revision, rollout with { Phase = ServiceRolloutPhase.RollingBack, Failure = decision.Reason });
            }

            var (outcome, next) = await TakeAsync(sides, desired, decision, view, rollout, checks, progress, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }

            progress = next;
        }

        return DeployOutcome.Interrupted(ReconcileResult.Transient($"The canary release of {deployment.Rollout.Target} took more than {MaxSteps} steps in one pass; it continues next pass."));
    }

    /// <summary>An abort is taken once it fails the release; a promote once the original is updated; either is void once the release rests.</summary>
    private static bool Acted(RolloutRequestKind kind, CanaryFacts facts, CanaryDecision decision) =>
        decision.Step is CanaryStep.Done || facts.Failed
        || (kind == RolloutRequestKind.Abort && decision.Fails is not null)
        || (kind == RolloutRequestKind.Promote && decision.Step == CanaryStep.DeployToOriginal);

    /// <returns>A non-null outcome ends the pass; otherwise the progress to decide from next.</returns>
    private async Task<(DeployOutcome? Outcome, CanaryProgress Progress)> TakeAsync(
        BlueGreenSides sides, Desired desired, CanaryDecision decision, BlueGreenView view, Rollout rollout, HealthMemo checks, CanaryProgress progress, CancellationToken cancellationToken)
    {
        var (original, clone) = (sides.Original, sides.Temporary);
        switch (decision.Step)
        {
            case CanaryStep.CreateClone:
                outcomes.Started(original, StrategyKind.Canary, sides.CloneVmId);
                return (Continue(await clones.CreateCloneAsync(sides, cancellationToken)), progress);
            case CanaryStep.StartClone:
                return (Continue(await clones.ProxmoxStepAsync(clone, BlueGreenDeploy.StartCloneAction, "stopped", "running", token => client.Status.StartAsync(clone.Container.Node, sides.CloneVmId, token), cancellationToken)), progress);
            case CanaryStep.DestroyClone:
                return (Continue(await clones.DestroyCloneAsync(sides, cancellationToken)), progress);
            case CanaryStep.DeployToClone:
                return (clones.Installed(sides, rollout, checks, Side.Clone, rollout.Target, await installer.InstallAsync(clone, BlueGreenDeploy.DeployCloneAction, rollout.Target, view.CloneVersion, cancellationToken), StrategyKind.Canary), progress);
            case CanaryStep.CheckClone:
                checks.Set(Side.Clone, view.CloneVersion, await installer.VerifyAsync(clone, view.CloneVersion ?? rollout.Target, cancellationToken) is null);
                return (null, progress);
            case CanaryStep.DeployToOriginal:
                return (clones.Installed(sides, rollout, checks, Side.Original, rollout.Target, await installer.InstallAsync(original, RollingDeploy.DeployAction, rollout.Target, view.OriginalVersion, cancellationToken), StrategyKind.Canary), progress);
            case CanaryStep.DeployPreviousToOriginal:
                return (clones.Installed(sides, rollout, checks, Side.Original, rollout.Previous!, await installer.InstallAsync(original, RollingDeploy.RedeployAction, rollout.Previous!, view.OriginalVersion, cancellationToken), StrategyKind.Canary), progress);
            case CanaryStep.CheckOriginal:
                checks.Set(Side.Original, view.OriginalVersion, view.OriginalVersion is { } running && await installer.VerifyAsync(original, running, cancellationToken) is null);
                return (null, progress);
            case CanaryStep.SetWeight:
                var entered = decision.Phase == RolloutPhase.RollingBack ? progress : Save(original, progress.Entered(decision.StepIndex ?? 0, time.GetUtcNow()));
                return (Continue(await WeighAsync(sides, decision.Weight ?? 100, view, cancellationToken)), entered);
            case CanaryStep.SwitchToOriginal:
                return (Continue(await WeighAsync(sides, 0, view, cancellationToken)), progress);
            case CanaryStep.Analyse:
                return (null, Save(original, progress.Analysed(await AnalyseAsync(sides, desired, cancellationToken), time.GetUtcNow())));
            case CanaryStep.Wait:
                return (DeployOutcome.Interrupted(ReconcileResult.After(decision.Wait ?? TimeSpan.FromMinutes(1), decision.Reason)), progress);
            case CanaryStep.Done:
                return (Promoted(original, rollout), progress);
            default:
                return (decision.Phase == RolloutPhase.Failed
                    ? Withdrawn(original, rollout, decision.Reason)
                    : DeployOutcome.Interrupted(ReconcileResult.Transient($"Canary {decision.Phase}: {decision.Reason}.")), progress);
        }
    }

    private CanaryFacts FactsOf(BlueGreenSides sides, Rollout rollout, BlueGreenView view, HealthMemo checks, CanaryProgress progress, RolloutRequestKind? request)
    {
        var original = sides.Original;
        var strategy = original.Spec.Strategy;
        var failed = rollout.Phase != ServiceRolloutPhase.Deploying
            || failures.Find(original.Spec.Name.Value, rollout.Target, original.Revision) is not null;
        return new CanaryFacts(
            rollout.Target,
            rollout.Previous,
            view.OriginalVersion,
            checks.Of(Side.Original, view.OriginalVersion),
            view.CloneState,
            view.CloneVersion,
            view.CloneState == CloneState.Running ? checks.Of(Side.Clone, view.CloneVersion) : null,
            view.Upstream,
            view.Routing?.PercentOf(UpstreamPool.Canary) ?? 0,
            strategy.Steps.IsDefaultOrEmpty ? StrategySpec.DefaultCanarySteps : strategy.Steps,
            strategy.Interval,
            progress,
            strategy.FailureThreshold,
            failed ? rollout.Target : null,
            request,
            progress.StartedAt,
            ProgressDeadline(strategy),
            time.GetUtcNow());
    }

    private async Task<ReconcileResult> WeighAsync(BlueGreenSides sides, int canaryPercent, BlueGreenView view, CancellationToken cancellationToken)
    {
        if (observer.Endpoint(sides.Original) is not { } stable || observer.Endpoint(sides.Temporary) is not { } canary)
        {
            return ReconcileResult.Terminal($"{sides.Original.Container.Name.Value} or its clone has no address for the upstream.");
        }

        var routing = UpstreamRouting.Split(sides.Target.Upstream, stable, canary, canaryPercent);
        var result = await runner.RunAsync(sides.Original.Action(BlueGreenDeploy.SwitchAction, view.Routing?.ToString(), routing.ToString()), async token =>
            (await writer.WriteAsync(sides.Proxy, sides.Target, routing, reloadIfUnchanged: false, token)).ToReconcileResult(), cancellationToken);
        if (result is Done)
        {
            metrics.SetCanaryWeights(sides.Original.Spec.Name, routing);
        }

        return result;
    }

    /// <summary>One analysis of the canary at its own address: health, and the metric queries when a Prometheus is configured.</summary>
    private async Task<AnalysisRun> AnalyseAsync(BlueGreenSides sides, Desired desired, CancellationToken cancellationToken)
    {
        var (spec, canary) = (sides.Temporary.Spec, sides.Temporary);
        var endpoint = observer.Endpoint(canary);
        var instance = endpoint is null ? canary.Container.Name.Value : endpoint.ToString();
        if (probe.Target(spec, canary.Container, canary.Revision, canary.Rollout.Target) is not { } target)
        {
            var unreachable = new HealthReport(false, [new HealthAttempt(1, false, $"nothing reaches {canary.Container.Name.Value}")], null);
            return new AnalysisRun(AnalysisVerdict.Fail, null, [], unreachable, $"the canary cannot be reached for its health check");
        }

        var prometheus = desired.Environment.Prometheus is { } url ? new PrometheusClient(PrometheusHttp, url, time) : null;
        var analyzer = new CanaryAnalyzer(prometheus, health, loggers.CreateLogger<CanaryAnalyzer>());
        var run = await analyzer.RunAsync(AnalysisSpec.Seed with { Window = spec.Strategy.AnalysisWindow }, new AnalysisTarget(spec.Name, instance, spec.Health, target), cancellationToken);
        foreach (var (metric, value) in run.Values)
        {
            metrics.SetAnalysisValue(spec.Name, metric, value);
        }

        return run;
    }

    private static DeployOutcome? Continue(ReconcileResult result) => result is Done ? null : DeployOutcome.Interrupted(result);

    private DeployOutcome Promoted(ServiceDeployment original, Rollout rollout)
    {
        // Read before the journal is dropped: status keeps the analysis that promoted the release and its start.
        var progress = Load(original.Unit);
        var promoted = outcomes.Promoted(original, rollout, StrategyKind.Canary);
        SetRollout(original, rollout.Target, RolloutPhase.Succeeded, null, null, 0, progress);
        return promoted;
    }

    private DeployOutcome Withdrawn(ServiceDeployment original, Rollout rollout, string reason)
    {
        var progress = Load(original.Unit);
        var withdrawn = outcomes.Withdrawn(original, rollout, reason, StrategyKind.Canary);
        SetRollout(original, rollout.Target, RolloutPhase.Failed, null, progress?.StepIndex, 0, progress);
        return withdrawn;
    }

    private void Report(BlueGreenSides sides, BlueGreenView view, CanaryFacts facts, CanaryDecision decision)
    {
        var original = sides.Original;
        metrics.SetRolloutPhase(original.Spec.Name, decision.Phase);
        if (view.Routing is { } routing)
        {
            metrics.SetCanaryWeights(original.Spec.Name, routing);
        }

        var next = decision.Step == CanaryStep.SetWeight ? $"weight {decision.Weight?.ToString(CultureInfo.InvariantCulture)} %" : decision.Step.ToString();
        var current = facts.Progress?.StepIndex is { } index ? $"weight {facts.Steps[Math.Min(index, facts.Steps.Length - 1)].ToString(CultureInfo.InvariantCulture)} %" : next;
        SetRollout(original, facts.DesiredVersion, decision.Phase, current, facts.Progress?.StepIndex, facts.CanaryWeight, facts.Progress);
        status.SetPhase(original.Unit, $"{StatusPhase}{decision.Phase}",
            $"Canary {decision.Phase}, {facts.CanaryWeight.ToString(CultureInfo.InvariantCulture)} % on the clone CT {sides.CloneVmId.Value}: next {next}, {decision.Reason}.");
    }

    private void SetRollout(ServiceDeployment original, string version, RolloutPhase phase, string? step, int? index, int canaryWeight, CanaryProgress? progress)
    {
        var steps = original.Spec.Strategy.Steps.IsDefaultOrEmpty ? StrategySpec.DefaultCanarySteps : original.Spec.Strategy.Steps;
        var values = progress?.Values.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, double>.Empty;
        status.SetRollout(original.Unit, new RolloutStatus(
            StrategyName, phase.ToString(), version, step, index is { } i ? i + 1 : null, steps.Length, 100 - canaryWeight, canaryWeight,
            progress?.Summary, values, progress?.StartedAt));
    }

    private CanaryProgress? Load(UnitKey unit) =>
        journal.Find(unit, CanaryProgress.Step) is { State: JournalStepState.Intended } entry ? CanaryProgress.From(entry) : null;

    private CanaryProgress Save(ServiceDeployment deployment, CanaryProgress progress)
    {
        journal.Intend(deployment.Unit, CanaryProgress.Step, deployment.Revision, progress.Facts());
        return progress;
    }
}
