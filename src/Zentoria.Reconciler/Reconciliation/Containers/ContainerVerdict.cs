using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>A container unit's sync and health after its steps ran, as status and metrics show them.</summary>
/// <param name="Phase">The phase to show, or null to derive it from the result.</param>
internal sealed record ContainerVerdict(SyncStatus Sync, HealthStatus Health, int DriftFields, string? Phase)
{
    public const string PendingRestart = "PendingRestart";

    public static ContainerVerdict Of(ContainerSpec? spec, LiveContainer? live, IReadOnlyCollection<PlanStep> steps, ReconcileResult result)
    {
        if (spec?.Drift.Mode == DriftMode.Suspend)
        {
            return new(SyncStatus.Unknown, HealthStatus.Suspended, 0, "Suspended");
        }

        var drift = steps.Sum(s => Math.Max(1, s.Changes.Length));
        var reportOnly = steps.Where(s => s.ReportOnly).ToList();
        return result switch
        {
            Done when reportOnly.Count == 0 => new(SyncStatus.Synced, HealthStatus.Healthy, 0, null),
            Done => new(SyncStatus.OutOfSync, HealthStatus.Healthy, reportOnly.Sum(s => Math.Max(1, s.Changes.Length)),
                reportOnly.Any(s => s.Action == StepAction.Restart) ? PendingRestart : "DriftReported"),
            RequeueAfter => new(SyncStatus.OutOfSync, HealthStatus.Progressing, drift, null),
            _ => new(SyncStatus.OutOfSync, live is null ? HealthStatus.Missing : HealthStatus.Degraded, drift, null),
        };
    }
}
