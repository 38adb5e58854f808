namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>What a person asked of a release under way (<c>promote</c> or <c>abort</c>).</summary>
internal enum RolloutRequestKind
{
    /// <summary>Skip the remaining steps and analysis: update the stable side and send it all traffic.</summary>
    Promote,

    /// <summary>Withdraw the release now: traffic back to stable, clone destroyed, version remembered as failed.</summary>
    Abort,
}
