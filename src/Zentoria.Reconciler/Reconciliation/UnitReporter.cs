using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Reports one unit's reconcile in one place, as Flux's deferred status patch does: the scheduler learns when
/// the unit is due next, status and metrics show its sync and health, and one log line says what happened.
/// </summary>
internal sealed class UnitReporter(UnitScheduler scheduler, StatusStore status, OperatorMetrics metrics, TimeProvider time, ILogger<UnitReporter> logger)
{
    /// <param name="fingerprint">The unit's <see cref="SpecFingerprint"/>; a terminal error stalls the unit until it changes.</param>
    /// <param name="revision">The desired-state revision that was enforced.</param>
    /// <param name="driftFields">How many fields differ between desired and live (0 when synced).</param>
    /// <param name="phase">The phase to show, or null to derive it from <paramref name="result"/>.</param>
    public void Report(UnitKey unit, string fingerprint, string revision, ReconcileResult result, SyncStatus sync, HealthStatus health, int driftFields, string? phase = null)
    {
        var due = scheduler.Record(unit, fingerprint, result);
        status.Record(unit, result, sync, health, revision, phase);
        metrics.SetUnitState(unit, sync, health);
        metrics.SetDrift(unit, driftFields);
        var shownPhase = status.Find(unit)?.Phase ?? "";
        var next = due is { } at ? (at - time.GetUtcNow()).TotalSeconds : double.PositiveInfinity;
        switch (result)
        {
            case Done:
                Log.UnitDone(logger, unit.ToString(), next);
                break;
            case RequeueAfter requeue:
                Log.UnitWaiting(logger, unit.ToString(), requeue.Reason, next);
                break;
            case TransientError error:
                Log.UnitFailed(logger, unit.ToString(), shownPhase, scheduler.ConsecutiveFailures(unit), error.Message, next);
                break;
            case TerminalError error:
                Log.UnitStalled(logger, unit.ToString(), shownPhase, error.Message);
                break;
        }
    }
}
