namespace Zentoria.Reconciler.Routing;

/// <summary>An upstream file as read from the proxy's container: the live routing is what the file says.</summary>
/// <param name="Routing">Set when <paramref name="State"/> is <see cref="UpstreamFileState.Owned"/>.</param>
/// <param name="Problem">Why there is no routing, for status; null when owned or missing.</param>
internal sealed record LiveUpstream(string File, UpstreamFileState State, UpstreamRouting? Routing, string? Problem)
{
    /// <summary>Null when the file routes as desired; otherwise what differs, in one line.</summary>
    public string? DriftFrom(UpstreamRouting desired) => State switch
    {
        UpstreamFileState.Owned when Routing!.Equals(desired) => null,
        UpstreamFileState.Owned => $"{File} routes {Routing}; desired {desired}",
        UpstreamFileState.Missing => $"{File} does not exist; desired {desired}",
        _ => $"{File}: {Problem}",
    };
}
