namespace Zentoria.Reconciler.Routing;

internal enum UpstreamFileState
{
    /// <summary>No file yet: nothing routes through it, and the operator may create it.</summary>
    Missing,

    /// <summary>The operator's file, in its format: <see cref="LiveUpstream.Routing"/> is the live routing.</summary>
    Owned,

    /// <summary>The operator's marker, but a body that is not in its format (a hand edit): drift, written back.</summary>
    Unreadable,

    /// <summary>No marker: somebody else's file, never overwritten.</summary>
    NotOwned,

    /// <summary>The guest could not be reached or the file not read; nothing is known.</summary>
    Unknown,
}
