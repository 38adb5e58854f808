using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serilog;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Http;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// The operator process: the reconcile loop and the HTTP endpoint in one generic host. The <c>run</c> and
/// <c>sandbox</c> verbs call <see cref="Build"/> then <see cref="RunAsync"/> and return its exit code.
/// </summary>
internal sealed class OperatorHost : IAsyncDisposable
{
    // The host must outwait the loop's own grace period, or it would abandon the step the grace is for.
    private static readonly TimeSpan HostShutdownMargin = TimeSpan.FromSeconds(5);

    private readonly WebApplication app;

    private OperatorHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;

    /// <summary>The endpoint's address once started, such as <c>http://127.0.0.1:9464</c>.</summary>
    public Uri Address => new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <param name="configureServices">
    /// Runs last, so it can add to or replace any registration (the integrator's observe/plan/execute
    /// dependencies; a <c>TimeProvider</c>, logger factory or <see cref="PassRunner"/> in tests).
    /// </param>
    public static OperatorHost Build(OperatorOptions options, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.TryParse(options.Http.Address, out var address) ? address : IPAddress.Loopback, options.Http.Port));
        var services = builder.Services;
        services.AddRoutingCore();
        services.AddSerilog(OperatorLogging.CreateLogger(options.LogFormat), dispose: true);
        services.Configure<HostOptions>(host =>
        {
            host.ShutdownTimeout = options.Loop.ShutdownTimeout + HostShutdownMargin;
            host.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
        });
        AddOptions(services, options);
        AddOperator(services);
        configureServices?.Invoke(services);

        var app = builder.Build();
        OperatorEndpoints.Map(app);
        return new OperatorHost(app);
    }

    /// <summary>Starts, runs until shutdown is requested, stops, and says how it ended as an exit code.</summary>
    /// <remarks>
    /// On .NET 10 a <see cref="BackgroundService"/> that throws stops the host, yet <c>RunAsync</c> returns
    /// normally and the process would exit 0 (only .NET 11 changes that). So after shutdown every background
    /// service's <see cref="BackgroundService.ExecuteTask"/> is inspected, and a faulted one yields
    /// <see cref="OperatorExitCodes.Crashed"/>.
    /// </remarks>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILogger<OperatorHost>>();
        try
        {
            await StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            Log.InvalidOptions(logger, string.Join(" ", e.Failures));
            return OperatorExitCodes.StartFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync();
            return OperatorExitCodes.Stopped;
        }
        catch (Exception e)
        {
            // A service that crashes while the others start stops the host, which cancels their start: the
            // crash is the cause worth reporting, not the cancellation.
            await StopQuietlyAsync();
            if (CrashExitCode(logger) is { } crashed)
            {
                return crashed;
            }

            Log.StartFailed(logger, e);
            return OperatorExitCodes.StartFailed;
        }

        await app.WaitForShutdownAsync(cancellationToken);
        return CrashExitCode(logger) ?? OperatorExitCodes.Stopped;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await app.StartAsync(cancellationToken);
        var logger = app.Services.GetRequiredService<ILogger<OperatorHost>>();
        var options = app.Services.GetRequiredService<IOptions<OperatorOptions>>().Value;
        var token = app.Services.GetRequiredService<ReconcileToken>();
        if (!token.IsConfigured)
        {
            Log.ReconcileEndpointDisabled(logger, token.Source);
        }

        // Opened now, not at the first step: a damaged journal must stop the start, not a pass hours later.
        var pending = app.Services.GetRequiredService<Journal>().Pending();
        Log.Started(logger, options.Environment, Address.GetLeftPart(UriPartial.Authority), app.Services.GetRequiredService<StateFolder>().Path, pending.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static void AddOptions(IServiceCollection services, OperatorOptions given)
    {
        services.AddOptions<OperatorOptions>()
            .Configure(o =>
            {
                o.Environment = given.Environment;
                o.LogFormat = given.LogFormat;
                o.Scheduling = given.Scheduling;
                o.Loop = given.Loop;
                o.Http = given.Http;
                o.State = given.State;
                o.Audit = given.Audit;
                o.Source = given.Source;
                o.Notifications = given.Notifications;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsValidator>();
        services.AddSingleton<IValidateOptions<OperatorOptions>, OperatorOptionsCustomValidator>();
        services.AddSingleton(sp => Value(sp).Scheduling);
        services.AddSingleton(sp => Value(sp).Loop);
        services.AddSingleton(sp => Value(sp).Http);
        services.AddSingleton(sp => Value(sp).State);
        services.AddSingleton(sp => Value(sp).Audit);
    }

    private static void AddOperator(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Randomizer>(Random.Shared.NextDouble);
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<BackoffPolicy>();
        services.AddSingleton<UnitScheduler>();
        services.AddSingleton<ReconcileTrigger>();
        services.AddSingleton<DependencyGate>();
        services.AddSingleton<NodeMutationLock>();
        services.AddSingleton<ActionLimiter>();
        services.AddSingleton<UnitReporter>();
        services.AddSingleton<ActionRunner>();
        services.AddSingleton(sp => new StatusStore(Value(sp).Environment, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton(_ => OperatorMetrics.Create(Version()));
        services.AddSingleton(sp => StateFolder.Open(Value(sp).State.Directory, Value(sp).Environment, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory()));
        services.AddSingleton(sp => Journal.Open(sp.GetRequiredService<StateFolder>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton(sp => ReconcileToken.Load(Value(sp).Http, Environment.GetEnvironmentVariable, sp.GetRequiredService<SecretRedactor>()));
        services.AddSingleton<OperatorEndpoints>();
        // Without a Proxmox endpoint (AddReconciler) there is nothing to observe: an idle pass keeps the loop and HTTP testable.
        services.AddSingleton<PassRunner>(_ => _ => Task.FromResult(PassResult.NothingToDo));
        services.AddHostedService<ReconcilerService>();
    }

    private static OperatorOptions Value(IServiceProvider services) => services.GetRequiredService<IOptions<OperatorOptions>>().Value;

    private static string Version() =>
        typeof(OperatorHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private int? CrashExitCode(ILogger<OperatorHost> logger)
    {
        foreach (var service in app.Services.GetServices<IHostedService>().OfType<BackgroundService>())
        {
            if (service.ExecuteTask is { IsFaulted: true } crashed)
            {
                Log.ServiceCrashed(logger, service.GetType().Name, OperatorExitCodes.Crashed, crashed.Exception?.InnerException);
                return OperatorExitCodes.Crashed;
            }
        }

        return null;
    }

    private async Task StopQuietlyAsync()
    {
        try
        {
            await app.StopAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already failing to start; that failure, not this one, is the error worth reporting.
        }
    }
}
