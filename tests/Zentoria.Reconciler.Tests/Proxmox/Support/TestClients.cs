using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Support;

internal static class TestClients
{
    public const string Token = "automation@pve!ci=0e5f8a9c-3c1d-4b7e-9a55-6d2f1e0c7b11";
    public const string TokenSecret = "0e5f8a9c-3c1d-4b7e-9a55-6d2f1e0c7b11";
    public const string UpidStart = "UPID:pve:000D7AA2:08D5A17C:63DF62A5:vzstart:101:automation@pve!ci:";

    public static readonly NodeName Pve = new("pve");
    public static readonly VmId Ct101 = new(101);

    /// <summary>Options for stub tests: loopback, no retry delay, timeouts far beyond any test's horizon.</summary>
    public static ProxmoxClientOptions Options(Action<ProxmoxClientOptions>? configure = null)
    {
        var options = new ProxmoxClientOptions
        {
            BaseUrl = new Uri("https://127.0.0.1:8006"),
            ApiToken = Token,
            RetryBaseDelay = TimeSpan.Zero,
            AttemptTimeout = TimeSpan.FromMinutes(9),
            OperationTimeout = TimeSpan.FromMinutes(50),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The handler a real client would use with <see cref="Options"/>, for tests of its TLS and pool settings.</summary>
    public static SocketsHttpHandler Handler(Action<ProxmoxClientOptions>? configure = null)
    {
        var validated = ProxmoxClientOptionsValidation.Validate(Options(configure));
        return ProxmoxClient.CreateHandler(validated, new ServerCertificateValidator(validated.PinnedCertificate, validated.Options.SkipCertificateVerification));
    }

    public static ProxmoxClient Create(StubProxmoxHandler handler, TimeProvider? time = null, ProxmoxRequestObserver? observer = null, Action<ProxmoxClientOptions>? configure = null) =>
        ProxmoxClient.Create(Options(configure), handler, time ?? new InstantDelayTimeProvider(), observer);
}
