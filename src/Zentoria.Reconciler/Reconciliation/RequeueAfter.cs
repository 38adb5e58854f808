namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Nothing failed, but the unit is not finished: check again after <paramref name="Delay"/> (a dependency not
/// healthy yet, a canary step being watched). Resets the unit's backoff, as controller-runtime does.
/// </summary>
/// <param name="Reason">Why it waits, in words fit for status (for example <c>waiting for postgres</c>).</param>
internal sealed record RequeueAfter(TimeSpan Delay, string Reason) : ReconcileResult;
