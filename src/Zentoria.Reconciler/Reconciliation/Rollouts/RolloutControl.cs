using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// <c>promote &lt;service&gt;</c> and <c>abort &lt;service&gt;</c>: records the request in <see cref="RolloutRequests"/>
/// for the release's driver, audits it with who asked, and requests a pass so the driver acts within seconds. Refused
/// for a Rolling service and when no release is under way, so a request cannot lie in wait for the next release.
/// </summary>
/// <param name="feed">The desired state in force, to tell a Rolling service from one with no release; absent in hosts without a source.</param>
internal sealed class RolloutControl(
    RolloutRequests requests,
    StatusStore status,
    UnitScheduler scheduler,
    ReconcileTrigger trigger,
    AuditTrail audit,
    TimeProvider time,
    ILogger<RolloutControl> logger,
    DesiredStateFeed? feed = null)
{
    public static string ActionName(RolloutRequestKind kind) => kind.ToString().ToLowerInvariant();

    public RolloutControlAnswer Ask(string service, RolloutRequestKind kind, string actor)
    {
        var verb = ActionName(kind);
        var unit = new UnitKey(UnitKind.Service, service);
        if (status.Find(unit) is not { } current)
        {
            return new RolloutControlAnswer(RolloutControlOutcome.UnknownService, $"the desired state has no service named '{service}'");
        }

        var strategy = feed?.LastValid?.FindService(new ServiceName(service))?.Strategy.Type;
        if (strategy == StrategyKind.Rolling || current.Rollout?.Strategy == nameof(StrategyKind.Rolling))
        {
            return new RolloutControlAnswer(RolloutControlOutcome.NotProgressive,
                $"{service} is updated with the Rolling strategy, which has no steps to {verb}; {verb} acts on BlueGreen and Canary releases");
        }

        if (current.Rollout is not { } rollout || !UnderWay(rollout))
        {
            var last = current.Rollout is { } finished ? $" (the last one, of {finished.Version}, ended {finished.Phase})" : "";
            return new RolloutControlAnswer(RolloutControlOutcome.NoReleaseUnderWay,
                $"no release of {service} is under way{last}; nothing to {verb}", Rollout: current.Rollout);
        }

        var request = new RolloutRequest(service, kind, actor, time.GetUtcNow());
        requests.Request(request);
        audit.Append(new AuditRecord(request.At, status.Snapshot.Revision ?? "", nameof(UnitKind.Service), service, verb,
            null, $"{rollout.Strategy} release of {rollout.Version}, {rollout.Phase}{Position(rollout)}", AuditResult.Succeeded, 0, null, actor));
        Log.RolloutRequested(logger, service, verb, actor, rollout.Version, rollout.Phase);
        scheduler.Wake(unit);
        trigger.Request();
        var effect = kind == RolloutRequestKind.Promote
            ? "the remaining steps are skipped and the new version takes all traffic"
            : "traffic returns to the stable version and the release is withdrawn";
        return new RolloutControlAnswer(RolloutControlOutcome.Accepted,
            $"{verb} of {service} {rollout.Version} requested by {actor}: {effect}", request, rollout);
    }

    private static bool UnderWay(RolloutStatus rollout) =>
        !Enum.TryParse<RolloutPhase>(rollout.Phase, out var phase) || phase is not (RolloutPhase.Idle or RolloutPhase.Succeeded or RolloutPhase.Failed);

    private static string Position(RolloutStatus rollout) =>
        rollout.StepIndex is { } index ? $" at step {index}/{rollout.StepCount}" : "";
}
