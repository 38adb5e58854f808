namespace Zentoria.Reconciler.DesiredState;

/// <summary>Traffic to the service goes through an NGINX upstream the operator owns.</summary>
/// <param name="Proxy">The service that runs NGINX.</param>
/// <param name="Upstream">The upstream's name in NGINX, such as <c>backend</c>.</param>
internal sealed record RouteSpec(ServiceName Proxy, string Upstream)
{
    /// <summary>The upstream file in the proxy's container, or null for the proxy's default (<see cref="NginxSpec.FileFor"/>).</summary>
    public string? File { get; init; }
}
