namespace Zentoria.Reconciler.Reconciliation.Services;

internal enum RetryOutcome
{
    /// <summary>The service's failed version was forgotten (if any) and a pass was requested.</summary>
    Accepted,

    /// <summary>The desired state has no service of that name.</summary>
    UnknownService,
}
