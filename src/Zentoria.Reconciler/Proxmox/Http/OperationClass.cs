namespace Zentoria.Reconciler.Proxmox;

/// <summary>How a call may be retried; each class gets its own resilience pipeline.</summary>
internal enum OperationClass
{
    /// <summary>GETs: retried on any transient fault.</summary>
    Read,

    /// <summary>GETs whose caller reads again the normal way when they fail (a guess): one attempt, never retried.</summary>
    Probe,

    /// <summary>Changes that are safe to re-send only when Proxmox certainly did nothing (lock timeout, connection refused).</summary>
    Write,

    /// <summary>Creates and clones: retried like writes; an ambiguous failure is resolved by looking, never by re-sending.</summary>
    Create,
}
