using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The Proxmox VE API, one small client per area, sharing one connection (credentials, TLS policy,
/// per-node concurrency cap, retries by operation class, request observer). Thread-safe; create one per
/// endpoint and keep it for the life of the process.
/// </summary>
internal sealed class ProxmoxClient : IDisposable
{
    private readonly HttpClient http;
    private readonly NodeConcurrencyLimiter limiter;
    private readonly TicketAuthenticator? ticketAuthenticator;

    private ProxmoxClient(ValidatedProxmoxOptions options, HttpMessageHandler handler, ServerCertificateValidator validator, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, ProxmoxRequestObserver? observer)
    {
        var time = timeProvider ?? TimeProvider.System;
        var logger = loggerFactory?.CreateLogger("Zentoria.Reconciler.Proxmox") ?? NullLogger.Instance;
        if (options.Options.SkipCertificateVerification)
        {
            logger.CertificateVerificationDisabled(options.Endpoint);
        }
        else if (options.PinnedCertificate is { } pinned)
        {
            logger.CertificatePinned(options.Endpoint, pinned.ToString());
        }

        http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        MaxConcurrentRequestsPerNode = options.Options.MaxConcurrentRequestsPerNode;
        limiter = new NodeConcurrencyLimiter(MaxConcurrentRequestsPerNode);
        RequestAuthenticator authenticator;
        if (options.Token is { } token)
        {
            authenticator = new ApiTokenAuthenticator(token);
        }
        else
        {
            ticketAuthenticator = new TicketAuthenticator(
                options.Options.Username!,
                new SecretString(options.Options.Password!),
                options.Options.TicketRenewAfter,
                async (user, secret, ct) =>
                {
                    var ticket = await Access!.CreateTicketAsync(user, secret, ct);
                    logger.LoggedIn(user);
                    return ticket;
                },
                time);
            authenticator = ticketAuthenticator;
        }

        Connection = new ProxmoxConnection(http, options, authenticator, validator, new ProxmoxResiliencePipelines(options.Options, time, logger), limiter, observer, time);
        Access = new AccessClient(Connection);
        Version = new VersionClient(Connection);
        Cluster = new ClusterClient(Connection);
        Nodes = new NodesClient(Connection);
        Tasks = new TasksClient(Connection, time, logger);
        Containers = new ContainersClient(Connection, Cluster, Tasks, time, logger);
        Status = new ContainerStatusClient(Connection);
        Config = new ContainerConfigClient(Connection);
        Snapshots = new SnapshotsClient(Connection);
    }

    public AccessClient Access { get; }

    /// <summary>Requests in flight toward one node at most; callers that fan out per node run that many at once.</summary>
    public int MaxConcurrentRequestsPerNode { get; }

    /// <summary>The shared transport, for paths no area client covers yet.</summary>
    internal ProxmoxConnection Connection { get; }

    public VersionClient Version { get; }

    public ClusterClient Cluster { get; }

    public NodesClient Nodes { get; }

    public ContainersClient Containers { get; }

    /// <summary>Status and power: current status, start, stop, shutdown, reboot.</summary>
    public ContainerStatusClient Status { get; }

    public ContainerConfigClient Config { get; }

    public SnapshotsClient Snapshots { get; }

    public TasksClient Tasks { get; }

    /// <summary>
    /// Validates <paramref name="options"/> (throwing <see cref="ProxmoxConfigurationException"/> with every
    /// problem on one line) and builds the client. <paramref name="observer"/> sees every HTTP attempt.
    /// </summary>
    public static ProxmoxClient Create(ProxmoxClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, ProxmoxRequestObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validated = ProxmoxClientOptionsValidation.Validate(options);
        var validator = new ServerCertificateValidator(validated.PinnedCertificate, options.SkipCertificateVerification);
        return new ProxmoxClient(validated, CreateHandler(validated, validator), validator, loggerFactory, timeProvider, observer);
    }

    /// <summary>How long an unused connection stays in the pool: under the 5 s after which pveproxy closes it.</summary>
    internal static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4);

    internal static SocketsHttpHandler CreateHandler(ValidatedProxmoxOptions validated, ServerCertificateValidator validator)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = validated.Options.ConnectTimeout,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // pveproxy closes a connection after 5 s without traffic. Dropping it first means a request never goes out
            // on a connection the server is closing at that very moment.
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
        };
        handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        if (validated.PinnedCertificate is not null || validated.Options.SkipCertificateVerification)
        {
            // The pin (or the explicit skip) decides alone, so the chain .NET builds before asking is never read. Built
            // against the system's trust store it cost about 1.2 ms of CPU per new connection, and pveproxy ends a
            // connection after 100 requests.
            handler.SslOptions.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
                DisableCertificateDownloads = true,
            };
        }

        return handler;
    }

    /// <summary>For tests that answer requests in-process; TLS options have no effect there.</summary>
    internal static ProxmoxClient Create(ProxmoxClientOptions options, HttpMessageHandler handler, TimeProvider? timeProvider = null, ProxmoxRequestObserver? observer = null, ILoggerFactory? loggerFactory = null)
    {
        var validated = ProxmoxClientOptionsValidation.Validate(options);
        return new ProxmoxClient(validated, handler, new ServerCertificateValidator(validated.PinnedCertificate, options.SkipCertificateVerification), loggerFactory, timeProvider, observer);
    }

    public void Dispose()
    {
        http.Dispose();
        limiter.Dispose();
        ticketAuthenticator?.Dispose();
    }
}
