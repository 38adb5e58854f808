namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Whether a unit is reconciled in this pass.</summary>
internal enum UnitDecision
{
    /// <summary>Reconcile it now.</summary>
    Due,

    /// <summary>Its interval, requeue or backoff has not elapsed yet.</summary>
    NotDue,

    /// <summary>It failed terminally and its desired state has not changed since.</summary>
    Stalled,
}
