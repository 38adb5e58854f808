namespace Zentoria.Reconciler.Reconciliation;

/// <summary>How one pass ended; the <c>result</c> label of <c>zentoria_reconcile_total</c>.</summary>
internal enum PassOutcome
{
    /// <summary>Observed, and no unit returned an error.</summary>
    Success,

    /// <summary>Finished, but observe failed or at least one unit returned a transient or terminal error.</summary>
    Error,

    /// <summary>The pass threw: a bug. The loop caught it, logged it once and backs off.</summary>
    Exception,
}
