namespace Zentoria.Reconciler.Reconciliation;

/// <summary>A failure that may pass by itself (timeout, lock, 5xx): retried with per-unit exponential backoff.</summary>
internal sealed record TransientError(string Message) : ReconcileResult;
