namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// A failure that retrying cannot fix (shrinking a disk, an impossible spec): the unit becomes Stalled and is
/// not retried until its desired-state fingerprint changes.
/// </summary>
internal sealed record TerminalError(string Message) : ReconcileResult;
