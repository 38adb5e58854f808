using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// Where a release stands, said once for both readers: <c>status</c> (<see cref="StatusStore.SetRollout"/>, redacted
/// there) and the metrics <c>zentoria_rollout_phase</c>, <c>zentoria_canary_weight</c> and
/// <c>zentoria_analysis_value</c>. Drivers call <see cref="Report"/> after each step instead of setting the gauges.
/// </summary>
internal sealed class RolloutReporter(StatusStore status, OperatorMetrics metrics)
{
    /// <param name="unit">The service's unit, such as <c>Service/mcp-gateway</c>.</param>
    /// <param name="rollout">The release as it stands now; null clears it from status and shows the phase <c>Idle</c>.</param>
    public void Report(UnitKey unit, RolloutStatus? rollout)
    {
        status.SetRollout(unit, rollout);
        var service = new ServiceName(unit.Name);
        if (rollout is null)
        {
            metrics.SetRolloutPhase(service, RolloutPhase.Idle);
            return;
        }

        metrics.ShowRollout(service, rollout);
    }
}
