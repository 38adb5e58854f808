namespace Zentoria.Reconciler.Reconciliation.Services;

internal static class Results
{
    /// <summary>The words of a failed result, or of a requeue's reason.</summary>
    public static string Message(ReconcileResult result) => result switch
    {
        TransientError e => e.Message,
        TerminalError e => e.Message,
        RequeueAfter r => r.Reason,
        _ => "succeeded",
    };
}
