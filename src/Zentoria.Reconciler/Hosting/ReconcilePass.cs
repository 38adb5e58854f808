using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Reconciliation.Services;
using UnitKind = Zentoria.Reconciler.Reconciliation.UnitKind;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// One level-triggered pass over the whole desired state: load → observe → plan → execute → report
/// (see <c>docs/operator-loop.md</c>). A unit's failure is its result, never an exception out of this method.
/// </summary>
internal sealed class ReconcilePass(
    DesiredStateFeed source,
    PassControl control,
    LiveObserver observer,
    ContainerUnitReconciler containers,
    UnitScheduler scheduler,
    DependencyGate gate,
    UnitReporter reporter,
    StatusStore status,
    OperatorMetrics metrics,
    SchedulingOptions scheduling,
    ILogger<ReconcilePass> logger,
    FlagSetUnitReconciler? flagSets = null,
    ServiceUnitReconciler? services = null)
{
    // This pass's suspended units and units held for an approval or a window (one pass runs at a time).
    private IReadOnlyDictionary<UnitKey, UnitHold> holds = new Dictionary<UnitKey, UnitHold>();

    // The desired containers read this pass. One that falls due later in the pass was planned without its live
    // state (as missing), so it waits for the next pass rather than act, or be gated, on that plan.
    private HashSet<VmId> observed = [];

    public async Task<PassResult> RunAsync(CancellationToken cancellationToken)
    {
        if (await source.LoadAsync(cancellationToken) is not { } desired)
        {
            return new PassResult(PassOutcome.Error, Observed: false, 0, 0);
        }

        LiveState live;
        try
        {
            // Only due containers are read: units fall due at jittered times, and a pass for one must not re-read all.
            var due = desired.Containers
                .Where(c => scheduler.Decide(new UnitKey(UnitKind.Container, c.Name.Value), SpecFingerprint.Of(c)) == UnitDecision.Due)
                .Select(c => c.VmId)
                .ToHashSet();
            live = await observer.ObserveAsync(desired, cancellationToken, due.Contains);
            observed = due;
        }
        catch (ProxmoxException e)
        {
            ReportObserveFailure(desired, e.Message);
            return new PassResult(PassOutcome.Error, Observed: false, 0, 0);
        }

        // The last config read may have completed on a socket engine thread (InlineSocketCompletions); the plan and the
        // report are CPU work for every unit, which would hold up the other sockets that thread serves.
        await Task.Yield();
        var plan = Planner.Plan(desired, live);
        var work = UnitWork.Of(desired, live, plan);
        holds = control.Decide(desired, work.Where(w => WasObserved(w) && scheduler.Decide(w.Key, w.Fingerprint) == UnitDecision.Due));
        var (reconciled, actions, failed) = await ExecuteAsync(desired, work, cancellationToken);
        return new PassResult(failed ? PassOutcome.Error : PassOutcome.Success, Observed: true, reconciled, actions);
    }

    // Every due unit failed this pass: recording that gives each its backoff, so an outage costs a few reads, not a hot loop.
    private void ReportObserveFailure(Desired desired, string message)
    {
        Log.ObserveFailed(logger, message);
        foreach (var (unit, fingerprint) in UnitWork.DeclaredWithFingerprints(desired))
        {
            if (scheduler.Decide(unit, fingerprint) == UnitDecision.Due)
            {
                reporter.Report(unit, fingerprint, desired.Revision, ReconcileResult.Transient("Cannot observe Proxmox: " + message),
                    SyncStatus.Unknown, status.HealthOf(unit) == HealthStatus.Unknown ? HealthStatus.Unknown : HealthStatus.Degraded, 0);
            }
        }
    }

    private async Task<(int Reconciled, int Actions, bool Failed)> ExecuteAsync(Desired desired, IReadOnlyList<UnitWork> work, CancellationToken cancellationToken)
    {
        var (reconciled, actions, failed) = (0, 0, false);
        foreach (var wave in work.GroupBy(w => w.Wave).OrderBy(g => g.Key))
        {
            var results = await Task.WhenAll(wave.Select(unit => ReconcileUnitAsync(desired, unit, cancellationToken)));
            foreach (var (ran, acted, result) in results)
            {
                reconciled += ran ? 1 : 0;
                actions += acted;
                failed |= result is TransientError or TerminalError;
            }
        }

        return (reconciled, actions, failed);
    }

    private async Task<(bool Ran, int Actions, ReconcileResult? Result)> ReconcileUnitAsync(Desired desired, UnitWork work, CancellationToken cancellationToken)
    {
        using var scope = Reconciliation.Log.BeginUnit(logger, work.Key);
        using var inFlight = metrics.UnitInFlight();
        if (!WasObserved(work) || scheduler.Decide(work.Key, work.Fingerprint) != UnitDecision.Due)
        {
            return (false, 0, null);
        }

        // Without guest shells, services and flag sets cannot be observed or acted on: report what the plan says, act on
        // nothing, and do not wait for dependencies that would change none of it.
        if (!Manages(work.Key.Kind))
        {
            var notYet = ReconcileResult.After(scheduling.Interval, $"Not observed or deployed by the operator yet; the plan has {work.Steps.Length} step(s) for it.");
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, notYet, work.Steps.IsEmpty ? SyncStatus.Unknown : SyncStatus.OutOfSync, HealthStatus.Unknown,
                work.Steps.Length, Convergence.NotManaged);
            return (true, 0, notYet);
        }

        if (holds.TryGetValue(work.Key, out var hold))
        {
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, hold.Result, hold.Sync, hold.Health, work.Steps.Length, hold.Phase);
            return (true, 0, hold.Result);
        }

        if (gate.Check(work.DependsOn, status.HealthOf) is { } waiting)
        {
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, waiting, status.Find(work.Key)?.Sync ?? SyncStatus.Unknown, HealthStatus.Progressing, 0);
            return (true, 0, waiting);
        }

        try
        {
            var (actions, result) = work.Key.Kind switch
            {
                UnitKind.Container => await containers.ReconcileAsync(work, desired, cancellationToken),
                UnitKind.FeatureFlags => await flagSets!.ReconcileAsync(work, desired, cancellationToken),
                _ => await services!.ReconcileAsync(work, desired, cancellationToken),
            };
            return (true, actions, result);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One unit's bug must not stop the others; it retries with backoff like any transient failure.
            var error = ReconcileResult.Transient("Unexpected error: " + e.Message);
            Log.UnitThrew(logger, e, work.Key.ToString());
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, error, SyncStatus.OutOfSync, HealthStatus.Degraded, work.Steps.Length);
            return (true, 0, error);
        }
    }

    private bool Manages(UnitKind kind) => kind switch
    {
        UnitKind.Container => true,
        UnitKind.Service => services is not null,
        UnitKind.FeatureFlags => flagSets is not null,
        _ => false,
    };

    private bool WasObserved(UnitWork work) => work.Container is not { } container || observed.Contains(container.VmId);
}
