using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Runs one mutating action with everything around it: a global slot (<see cref="ActionLimiter"/>), the node's
/// lock (<see cref="NodeMutationLock"/>), the intent journaled before acting and the completion after, one
/// audit line, the action metrics and the log lines.
/// </summary>
/// <remarks>
/// The action itself must re-check its precondition first: after a restart, a step journaled as intended may
/// or may not have taken effect. A failed or throwing action stays "intended" in the journal for that reason.
/// </remarks>
internal sealed class ActionRunner(
    ActionLimiter limiter,
    NodeMutationLock nodes,
    Journal journal,
    AuditTrail audit,
    OperatorMetrics metrics,
    TimeProvider time,
    ILogger<ActionRunner> logger)
{
    /// <param name="act">
    /// Makes the change. Returns <see cref="Done"/> once its effect is confirmed; <see cref="RequeueAfter"/> when
    /// Proxmox accepted it but it is not confirmed yet (audited as succeeded, left intended in the journal); or
    /// the error as a result. An exception is for bugs only and is rethrown after it has been audited.
    /// </param>
    public async Task<ReconcileResult> RunAsync(MutatingAction action, Func<CancellationToken, Task<ReconcileResult>> act, CancellationToken cancellationToken)
    {
        using var slot = await limiter.AcquireAsync(cancellationToken);
        using var node = await nodes.AcquireAsync(action.Node, cancellationToken);
        journal.Intend(action.Unit, action.Name, action.Revision, action.Facts);
        var (unit, vmId) = (action.Unit.ToString(), action.VmId?.ToString() ?? "-");
        Log.ActionStarting(logger, unit, action.Name, action.Node.Value, vmId);
        var started = time.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await act(cancellationToken);
        }
        catch (Exception e)
        {
            var elapsed = time.GetElapsedTime(started);
            Record(action, succeeded: false, elapsed, e.Message);
            Log.ActionThrew(logger, e, unit, action.Name, action.Node.Value, vmId, elapsed.TotalSeconds);
            throw;
        }

        var duration = time.GetElapsedTime(started);
        var succeeded = result is Done or RequeueAfter;
        if (result is Done)
        {
            journal.Complete(action.Unit, action.Name);
        }

        Record(action, succeeded, duration, result switch
        {
            TransientError e => e.Message,
            TerminalError e => e.Message,
            _ => null,
        });
        Log.ActionFinished(logger, unit, action.Name, action.Node.Value, vmId, succeeded ? "succeeded" : "failed", duration.TotalSeconds);
        return result;
    }

    private void Record(MutatingAction action, bool succeeded, TimeSpan duration, string? error)
    {
        metrics.ActionCompleted(action.Unit.Kind, action.Name, succeeded, duration);
        audit.Append(new AuditRecord(time.GetUtcNow(), action.Revision, action.Unit.Kind.ToString(), action.Unit.Name, action.Name,
            action.Before, action.After, succeeded ? AuditResult.Succeeded : AuditResult.Failed, duration.TotalSeconds, error));
    }
}
