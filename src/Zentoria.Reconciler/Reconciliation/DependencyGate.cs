using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Holds a unit back while any unit it depends on is not Healthy. The unit waits with a requeue, as Flux's
/// <c>dependsOn</c> does; it never blocks the loop or the other units.
/// </summary>
internal sealed class DependencyGate(SchedulingOptions options)
{
    /// <summary>Null when every dependency is Healthy; otherwise the requeue naming the ones still awaited.</summary>
    public RequeueAfter? Check(IEnumerable<UnitKey> dependsOn, Func<UnitKey, HealthStatus> healthOf)
    {
        var waitingFor = dependsOn.Where(d => healthOf(d) != HealthStatus.Healthy).ToList();
        return waitingFor.Count == 0
            ? null
            : new RequeueAfter(options.DependencyRequeue, $"Waiting for {string.Join(", ", waitingFor)} to be Healthy.");
    }
}
