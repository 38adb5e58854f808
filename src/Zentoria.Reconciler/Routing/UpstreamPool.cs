namespace Zentoria.Reconciler.Routing;

/// <summary>Which instance of a service an upstream server is.</summary>
internal enum UpstreamPool
{
    /// <summary>The service's own container: the released version.</summary>
    Stable,

    /// <summary>The temporary clone: the canary, or the green side of a blue/green release.</summary>
    Canary,
}
