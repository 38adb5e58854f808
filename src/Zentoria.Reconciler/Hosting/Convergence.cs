using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Watches status until every container unit, and every service and flag set the operator manages, is Synced and
/// Healthy, one is Stalled (a failed deploy that was rolled back is), or the deadline passes. Services and flag sets
/// reported "NotManaged" (no guest shells) are not acted on, so they do not count.
/// </summary>
internal static class Convergence
{
    /// <summary>The phase of a unit the operator reports but does not act on.</summary>
    public const string NotManaged = "NotManaged";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<ConvergenceOutcome> WaitAsync(StatusStore status, TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (time.GetUtcNow() < deadline)
        {
            if (Check(status.Snapshot) is { } outcome)
            {
                return outcome;
            }

            await Task.Delay(Poll, time, cancellationToken);
        }

        return Check(status.Snapshot) ?? ConvergenceOutcome.TimedOut;
    }

    public static ConvergenceOutcome? Check(StatusSnapshot snapshot)
    {
        var containers = snapshot.Units.Where(u => u.Kind == nameof(UnitKind.Container)
            || (u.Kind is nameof(UnitKind.FeatureFlags) or nameof(UnitKind.Service) && u.Phase != NotManaged)).ToList();
        if (containers.Any(u => u.Conditions.Any(c => c.Type == ConditionType.Stalled && c.Status == ConditionStatus.True)))
        {
            return ConvergenceOutcome.Stalled;
        }

        return snapshot.Revision is not null && snapshot.ValidationErrors.IsEmpty && containers.Count > 0
            && containers.All(u => u.Sync == SyncStatus.Synced && u.Health == HealthStatus.Healthy)
            ? ConvergenceOutcome.Converged
            : null;
    }
}
