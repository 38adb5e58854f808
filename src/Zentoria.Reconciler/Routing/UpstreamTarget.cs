using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Routing;

/// <summary>One routed service's upstream file on its proxy, and how that proxy's NGINX is checked and reloaded.</summary>
/// <param name="Service">The routed service, named in the file.</param>
/// <param name="Proxy">The service that runs NGINX.</param>
/// <param name="ProxyContainer">The proxy's container, for the <c>{container}</c> placeholder.</param>
internal sealed record UpstreamTarget(ServiceName Service, string Upstream, ServiceName Proxy, ContainerName ProxyContainer, string File, NginxSpec Nginx)
{
    /// <summary>The target of <paramref name="service"/>'s route, or null when it has none or its proxy is not in <paramref name="desired"/>.</summary>
    public static UpstreamTarget? For(Desired desired, ServiceSpec service)
    {
        if (service.Route is not { } route || desired.FindService(route.Proxy) is not { } proxy)
        {
            return null;
        }

        var nginx = proxy.NginxOrDefault;
        return new UpstreamTarget(service.Name, route.Upstream, proxy.Name, proxy.Container, nginx.FileFor(route), nginx);
    }

    /// <summary>The values of <see cref="NginxSpec.Placeholders"/>.</summary>
    public IReadOnlyDictionary<string, string> CommandValues => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["service"] = Proxy.Value,
        ["container"] = ProxyContainer.Value,
        ["file"] = File,
    };
}
