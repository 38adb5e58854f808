using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Reconciliation.Observe;

namespace Zentoria.Reconciler.Hosting;

/// <summary>Plugs the real pass (desired state, Proxmox client, observer, executor) into <see cref="OperatorHost.Build"/>.</summary>
internal static class ReconcilerWiring
{
    /// <summary>The Proxmox routes a pass uses, declared at zero so dashboards see them before the first request.</summary>
    private static readonly (string Method, string Route)[] Routes =
    [
        ("GET", "/cluster/resources"),
        ("GET", "/nodes/{node}/lxc/{vmid}/pending"),
        ("GET", "/nodes/{node}/lxc/{vmid}/config"),
        ("GET", "/nodes/{node}/lxc/{vmid}/status/current"),
        ("GET", "/nodes/{node}/tasks/{upid}/status"),
        ("POST", "/nodes/{node}/lxc"),
        ("POST", "/nodes/{node}/lxc/{vmid}/status/start"),
        ("POST", "/nodes/{node}/lxc/{vmid}/status/shutdown"),
        ("POST", "/nodes/{node}/lxc/{vmid}/status/reboot"),
        ("PUT", "/nodes/{node}/lxc/{vmid}/config"),
        ("PUT", "/nodes/{node}/lxc/{vmid}/resize"),
        ("DELETE", "/nodes/{node}/lxc/{vmid}"),
    ];

    /// <param name="guests">The shells into the containers; null leaves flag sets unobserved ("NotManaged").</param>
    public static void Add(IServiceCollection services, DesiredStateSource source, ProxmoxClientOptions proxmox, IGuestShellProvider? guests = null)
    {
        services.AddSingleton(source);
        services.AddSingleton(sp =>
        {
            var redactor = sp.GetRequiredService<SecretRedactor>();
            if (proxmox.ApiToken is { } token)
            {
                redactor.Register(token);
                redactor.Register(token[(token.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            }

            if (proxmox.Password is { } password)
            {
                redactor.Register(password);
            }

            var metrics = sp.GetRequiredService<OperatorMetrics>();
            metrics.DeclareActions(UnitKind.Container, ContainerExecutor.ActionNames);
            if (guests is not null)
            {
                metrics.DeclareActions(UnitKind.FeatureFlags, FlagSetUnitReconciler.ActionNames);
            }

            metrics.DeclareProxmoxRoutes(Routes);
            return ProxmoxClient.Create(proxmox, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(),
                request => metrics.ProxmoxRequestCompleted(request.Method, request.RouteTemplate, request.StatusCode ?? 0, request.Duration));
        });
        if (guests is not null)
        {
            services.AddSingleton(guests);
            services.AddSingleton<FlagSetObserver>();
            services.AddSingleton<FlagSetUnitReconciler>();
        }

        services.AddSingleton<LiveObserver>();
        services.AddSingleton<ContainerExecutor>();
        services.AddSingleton<ContainerUnitReconciler>();
        services.AddSingleton<ReconcilePass>();
        services.AddSingleton<PassRunner>(sp => sp.GetRequiredService<ReconcilePass>().RunAsync);
        services.AddHostedService<DesiredStateWatcher>();
    }
}
