namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// What one unit's reconcile asks of the scheduler, as in controller-runtime: <see cref="Done"/>,
/// <see cref="RequeueAfter"/>, <see cref="TransientError"/> (retried with backoff) or
/// <see cref="TerminalError"/> (Stalled until the unit's desired state changes).
/// </summary>
/// <remarks>
/// Failure is a value here, not an exception: an expected failure (a lock held, a 595) must cost one unit
/// a backoff, never the pass. Messages end up in status and logs, so they must never carry secrets.
/// </remarks>
internal abstract record ReconcileResult
{
    private protected ReconcileResult()
    {
    }

    public static ReconcileResult Succeeded { get; } = new Done();

    public static ReconcileResult After(TimeSpan delay, string reason) => new RequeueAfter(delay, reason);

    public static ReconcileResult Transient(string message) => new TransientError(message);

    public static ReconcileResult Terminal(string message) => new TerminalError(message);
}
