using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// One level-triggered pass over the whole desired state: observe → plan → execute → report.
/// </summary>
/// <remarks>
/// Until the Proxmox client and the planner are wired in, a pass has nothing to observe and reports
/// <see cref="PassResult.NothingToDo"/>. The wiring (see <c>docs/operator-loop.md</c>): load the desired state
/// (<c>StatusStore.AcceptDesired</c> or <c>RejectDesired</c>, <c>OperatorMetrics.DeclareUnits</c>,
/// <c>UnitScheduler.Retain</c>); observe once; for each unit <c>UnitScheduler.Decide</c>, the
/// <c>DependencyGate</c>, plan, execute under <c>ActionLimiter</c> and <c>NodeMutationLock</c> with
/// <c>Journal.Intend</c>/<c>Complete</c> around each step and one <c>AuditTrail.Append</c> per action; then
/// <c>UnitScheduler.Record</c> and <c>StatusStore.Record</c> with the unit's <c>ReconcileResult</c>.
/// A unit's failure is its result, never an exception out of this method.
/// </remarks>
internal sealed class ReconcilePass(ILogger<ReconcilePass> logger)
{
    public Task<PassResult> RunAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Log.NothingToDo(logger);
        return Task.FromResult(PassResult.NothingToDo);
    }
}
