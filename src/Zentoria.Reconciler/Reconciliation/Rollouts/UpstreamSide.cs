namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>Where the service's upstream file sends traffic, as read back from NGINX's container.</summary>
internal enum UpstreamSide
{
    /// <summary>All to the service's own container.</summary>
    Original,

    /// <summary>All to the temporary clone.</summary>
    Clone,

    /// <summary>Weighted between both (a canary, or a hand edit).</summary>
    Split,

    /// <summary>No routing the operator can read: the file is missing or was edited into another shape.</summary>
    None,

    /// <summary>The file is not the operator's (no marker): never touched.</summary>
    Foreign,
}
