namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Why the loop's wait between passes ended.</summary>
internal enum WakeReason
{
    /// <summary>The delay elapsed.</summary>
    Elapsed,

    /// <summary>Someone asked for a pass now (CLI, <c>POST /reconcile</c>, later a git webhook).</summary>
    Triggered,
}
