namespace Zentoria.Reconciler.Routing;

internal enum UpstreamWriteOutcome
{
    /// <summary>Written, validated and reloaded: NGINX routes as the file says.</summary>
    Written,

    /// <summary>The file already held these bytes; nothing was touched (or, when asked, only reloaded).</summary>
    Unchanged,

    /// <summary>The file has no marker; it was left alone. Terminal: a person must move it or add the marker.</summary>
    NotOwned,

    /// <summary>The routing or a command cannot be rendered. Terminal: the inputs must change.</summary>
    Invalid,

    /// <summary>The guest could not be reached, or the file not read or written; nothing changed.</summary>
    Unavailable,

    /// <summary>The configuration test failed; the previous file is back and NGINX was not reloaded.</summary>
    Rejected,

    /// <summary>The test passed but the reload failed; the previous file is back.</summary>
    ReloadFailed,

    /// <summary>Something failed and putting the previous file back failed too: the file on disk is not what NGINX runs.</summary>
    RestoreFailed,
}
