using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Health;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Reconciliation.Observe;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Reconciliation.Services.Migrations;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.State;

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
        ("GET", "/nodes/{node}/lxc/{vmid}/snapshot"),
        ("POST", "/nodes/{node}/lxc/{vmid}/snapshot"),
        ("POST", "/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback"),
        ("DELETE", "/nodes/{node}/lxc/{vmid}/snapshot/{snapname}"),
    ];

    /// <param name="guests">The shells into the containers; null leaves services and flag sets unobserved ("NotManaged").</param>
    /// <remarks>The provider is the caller's: the host does not dispose it.</remarks>
    public static void Add(IServiceCollection services, DesiredStateSource source, ProxmoxClientOptions proxmox, IGuestShellProvider? guests = null) =>
        Add(services, source, proxmox, guests is null ? null : registered => registered.AddSingleton(guests));

    /// <param name="guests">Makes the shells into the containers once the operator's services exist (SSH needs the state folder and logging).</param>
    public static void Add(IServiceCollection services, DesiredStateSource source, ProxmoxClientOptions proxmox, Func<IServiceProvider, IGuestShellProvider>? guests) =>
        Add(services, source, proxmox, guests is null ? null : registered => registered.AddSingleton(guests));

    private static void Add(IServiceCollection services, DesiredStateSource source, ProxmoxClientOptions proxmox, Action<IServiceCollection>? guests)
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
                metrics.DeclareActions(UnitKind.Service, [.. ServiceUnitReconciler.ActionNames, .. MigrationRunner.ActionNames]);
            }

            metrics.DeclareProxmoxRoutes(Routes);
            return ProxmoxClient.Create(proxmox, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>(),
                request => metrics.ProxmoxRequestCompleted(request.Method, request.RouteTemplate, request.StatusCode ?? 0, request.Duration));
        });
        if (guests is not null)
        {
            guests(services);
            services.AddSingleton<FlagSetObserver>();
            services.AddSingleton<FlagSetUnitReconciler>();
            AddServices(services);
        }

        AddSource(services, source);
        AddNotifications(services);
        services.AddSingleton(sp => ControlStore.Open(sp.GetRequiredService<StateFolder>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PassControl>();
        services.AddSingleton<LiveObserver>();
        services.AddSingleton<ContainerExecutor>();
        services.AddSingleton<ContainerUnitReconciler>();
        services.AddSingleton<ReconcilePass>();
        services.AddSingleton<PassRunner>(sp => sp.GetRequiredService<ReconcilePass>().RunAsync);
        services.AddHostedService<DesiredStateWatcher>();
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new HealthChecker(
            // Health endpoints are the containers' own addresses: a proxy from the environment must not be asked for them.
            new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) }),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<HealthChecker>()));
        services.AddSingleton(sp => FailedDeployments.Open(sp.GetRequiredService<StateFolder>()));
        services.AddSingleton(sp => RolloutRequests.Open(sp.GetRequiredService<StateFolder>()));
        services.AddSingleton<ServiceProbe>();
        services.AddSingleton<ServiceObserver>();
        services.AddSingleton<Rollouts>();
        services.AddSingleton<ContainerSnapshots>();
        services.AddSingleton<VersionInstaller>();
        services.AddSingleton<RollingDeploy>();
        services.AddSingleton<UpstreamWriter>();
        services.AddSingleton<RouteKeeper>();
        services.AddSingleton<BlueGreenObserver>();
        services.AddSingleton<ReleaseOutcomes>();
        services.AddSingleton<BlueGreenDeploy>();
        services.AddSingleton<CanaryDeploy>();
        services.AddSingleton<ReleaseClock>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ServiceUnitReconciler>();
        services.AddSingleton<ServiceRetry>();
        services.AddSingleton<RolloutControl>();
        services.AddSingleton<RolloutReporter>();
    }

    /// <summary>The source behind <see cref="DesiredStateFeed"/>; for git also its fetch loop and <c>POST /webhook/git</c>.</summary>
    private static void AddSource(IServiceCollection services, DesiredStateSource source)
    {
        services.AddSingleton<DesiredStateFeed>();
        services.AddSingleton<FetchTrigger>();
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Zentoria.Reconciler.Sources");
            var time = sp.GetRequiredService<TimeProvider>();
            var fetched = DesiredStateSources.Create(source.Options, source.Environment, sp.GetRequiredService<StateFolder>(), time,
                sp.GetRequiredService<SecretRedactor>(), logger, out var error) ?? throw new InvalidOperationException($"The desired-state source cannot work: {error}.");
            return new SourceSynchronizer(fetched, source.Environment, sp.GetRequiredService<FetchTrigger>(), sp.GetRequiredService<ReconcileTrigger>(),
                source.Options.Polling, sp.GetRequiredService<Randomizer>(), time, logger);
        });
        if (source.Options.Kind != SourceKind.Git)
        {
            return;
        }

        services.AddSingleton(source.Options.Webhook);
        services.AddSingleton(sp => new GitWebhookHandler(
            WebhookSecret.Load(source.Options.Webhook, Environment.GetEnvironmentVariable, sp.GetRequiredService<SecretRedactor>()),
            source.Options.Git.RemoteReference,
            sp.GetRequiredService<FetchTrigger>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Zentoria.Reconciler.Sources")));
        services.AddHostedService<SourceSyncService>();
    }

    private static void AddNotifications(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Notifications);
        services.AddSingleton(sp => NotificationLedger.Open(sp.GetRequiredService<StateFolder>(), sp.GetRequiredService<NotificationOptions>().Remember));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<NotificationOptions>();
            var redactor = sp.GetRequiredService<SecretRedactor>();
            foreach (var target in options.Webhooks)
            {
                redactor.Register(target.Url);
            }

            return new Notifier(sp.GetRequiredService<NotificationLedger>(), options, sp.GetRequiredService<WebhookSender>(),
                sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Environment, redactor, sp.GetRequiredService<Randomizer>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<Notifier>>());
        });
        services.AddHostedService<NotificationService>();
    }
}
