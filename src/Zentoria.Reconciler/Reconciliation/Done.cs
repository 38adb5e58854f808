namespace Zentoria.Reconciler.Reconciliation;

/// <summary>The unit matches its desired state; check again after the regular, jittered interval.</summary>
internal sealed record Done : ReconcileResult;
