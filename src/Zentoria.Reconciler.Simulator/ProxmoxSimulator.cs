using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Simulator.Api;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.Hosting;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.Scenarios;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator;

/// <summary>
/// A Proxmox VE API simulator on a loopback port:
/// <code>await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions { UseHttps = true }, ct);</code>
/// then point a client at <see cref="BaseUrl"/> with <see cref="Token"/>, seed or inspect <see cref="Cluster"/>,
/// and program <see cref="Faults"/>.
/// </summary>
internal sealed class ProxmoxSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProxmoxSimulator(WebApplication app, Uri baseUrl, SimulatorContext context, X509Certificate2? certificate)
    {
        _app = app;
        BaseUrl = baseUrl;
        Context = context;
        Certificate = certificate;
        CertificateSha256Fingerprint = certificate is null ? null : SelfSignedCertificate.Fingerprint(certificate);
    }

    /// <summary><c>http(s)://127.0.0.1:PORT/api2/json/</c>.</summary>
    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    public PveVersion Version => Context.Version;

    /// <summary>The full <c>USER@REALM!TOKENID=SECRET</c> accepted with every right.</summary>
    public string Token => Context.DefaultToken.Full;

    /// <summary>Password of <c>root@pam</c> for <c>POST /access/ticket</c>.</summary>
    public string RootPassword => Context.Access.RootPassword;

    public X509Certificate2? Certificate { get; }

    /// <summary><c>AA:BB:...</c> SHA-256 of the certificate, or <see langword="null"/> over plain HTTP.</summary>
    public string? CertificateSha256Fingerprint { get; }

    public SimulatedCluster Cluster => Context.Cluster;

    public FaultInjector Faults => Context.Faults;

    public AccessRegistry Access => Context.Access;

    public RequestStatistics Requests => Context.Statistics;

    internal SimulatorContext Context { get; }

    public static async Task<ProxmoxSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var scenario = options.Scenario;
        var version = scenario?.PveVersion is { } text ? PveVersions.Parse(text) : options.Version;
        var taskDuration = scenario?.TaskDuration is { } duration ? Duration.Parse(duration, "taskDuration") : options.TaskDuration;
        var time = options.TimeProvider;
        var faults = new FaultInjector(new Random(options.Random.Next()))
        {
            Latency = scenario?.Latency is { } latency ? Duration.Parse(latency, "latency") : options.Latency,
        };
        var cluster = new SimulatedCluster(time, new Random(options.Random.Next()), taskDuration);
        if (scenario is not { Nodes.Count: > 0 })
        {
            cluster.AddNode("pve");
        }

        var access = new AccessRegistry(time, options.RootPassword ?? Guid.NewGuid().ToString("N"), new TicketSigner(time, options.TicketLifetime));
        var token = access.AddToken(options.Token ?? "root@pam!zentoria=" + Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture));
        if (scenario is not null)
        {
            ScenarioApplier.Apply(scenario, cluster, access, faults, time.GetUtcNow());
        }

        var certificate = options.UseHttps ? SelfSignedCertificate.Create(time) : null;
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var context = new SimulatorContext(cluster, access, faults, new RequestStatistics(), version, token.Credential,
            certificate is null ? null : SelfSignedCertificate.Fingerprint(certificate));
        var pipeline = new RequestPipeline(ApiRoutes.Build(context), new Authenticator(access, version), faults, cluster,
            context.Statistics, new ResponseWriter(version, time), options, loggerFactory.CreateLogger<ProxmoxSimulator>());
        var app = SimulatorHost.Build(options.ListenAddress, options.Port, certificate, pipeline);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            throw new SimulatorConfigurationException($"cannot listen on {options.ListenAddress}:{options.Port}: {exception.Message}", exception);
        }

        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var host = options.ListenAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.ListenAddress}]" : options.ListenAddress.ToString();
        var baseUrl = new Uri($"{(certificate is null ? "http" : "https")}://{host}:{port}/api2/json/");
        Log.Listening(loggerFactory.CreateLogger<ProxmoxSimulator>(), baseUrl, version.Release());
        return new ProxmoxSimulator(app, baseUrl, context, certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Certificate?.Dispose();
    }
}
