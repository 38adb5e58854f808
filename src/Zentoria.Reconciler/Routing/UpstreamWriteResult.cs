using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Routing;

/// <summary>How writing an upstream file ended; <see cref="Message"/> is one line for status and logs.</summary>
/// <param name="Output">The test or reload command's stderr (bounded) when one failed, for the person fixing it.</param>
internal sealed record UpstreamWriteResult(UpstreamWriteOutcome Outcome, string File, string Message, string? Output = null)
{
    /// <summary>NGINX routes as asked.</summary>
    public bool Succeeded => Outcome is UpstreamWriteOutcome.Written or UpstreamWriteOutcome.Unchanged;

    /// <summary>Traffic is as it was before the write: everything but <see cref="UpstreamWriteOutcome.RestoreFailed"/> guarantees that on failure.</summary>
    public bool TrafficUnchanged => Outcome is not (UpstreamWriteOutcome.Written or UpstreamWriteOutcome.RestoreFailed);

    /// <summary>
    /// As a unit's result: a file someone else owns and an impossible routing are terminal; a rejected configuration
    /// is transient, because what NGINX refuses is usually outside the file (its main configuration, a name it cannot
    /// resolve) and a person fixing it should not have to touch the desired state.
    /// </summary>
    public ReconcileResult ToReconcileResult() => Outcome switch
    {
        UpstreamWriteOutcome.Written or UpstreamWriteOutcome.Unchanged => ReconcileResult.Succeeded,
        UpstreamWriteOutcome.NotOwned or UpstreamWriteOutcome.Invalid => ReconcileResult.Terminal(Message),
        _ => ReconcileResult.Transient(Message),
    };
}
