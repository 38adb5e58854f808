using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Control;

/// <summary>Why a due unit is not acted on this pass, as the result and status it reports instead.</summary>
internal sealed record UnitHold(ReconcileResult Result, SyncStatus Sync, HealthStatus Health, string? Phase);
