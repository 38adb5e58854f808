using Zentoria.Reconciler.DesiredState.Binding;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Blue/green and canary switch traffic at a proxy, so they need a route through another service.</summary>
internal static class RouteRule
{
    public static void Check(BoundState state, BindingContext context)
    {
        foreach (var service in state.Services)
        {
            var path = BoundState.PathOf(service);
            if (service.Route is { } route && route.Proxy == service.Name)
            {
                context.Errors.Add(context.Locations.Of($"{path}.route.proxy", service.Origin), $"{path}.route.proxy",
                    "a service cannot route its own traffic; name the service that runs NGINX in front of it");
            }

            if (service.Route is null && service.Strategy.Type is StrategyKind.BlueGreen or StrategyKind.Canary)
            {
                context.Errors.Add(context.Locations.Of($"{path}.strategy.type", service.Origin), $"{path}.strategy.type",
                    $"a {service.Strategy.Type} strategy moves traffic at the proxy; add route: {{ proxy: nginx, upstream: {service.Name} }}");
            }
        }
    }
}
