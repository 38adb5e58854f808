using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>What one service unit's reconcile reports: its result, sync, health, drift, phase, and the actions it took.</summary>
/// <param name="Phase">The phase to show, or null to derive it from <paramref name="Result"/>.</param>
internal sealed record ServiceVerdict(ReconcileResult Result, SyncStatus Sync, HealthStatus Health, int Drift, string? Phase = null, int Actions = 0);
