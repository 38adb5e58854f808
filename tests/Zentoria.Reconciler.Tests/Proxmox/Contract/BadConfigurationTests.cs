using System.Net;
using System.Net.Sockets;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

/// <summary>
/// A newcomer's three usual mistakes each end in one line that names the problem: no stack trace, no
/// secret, default options otherwise (retry delays run on an instant clock).
/// </summary>
[Category("Contract")]
[CancelAfter(60_000)]
internal sealed class BadConfigurationTests
{
    private ProxmoxSimulator simulator = null!;

    private string Endpoint => simulator.BaseUrl.GetLeftPart(UriPartial.Authority);

    private string Secret => simulator.Token[(simulator.Token.LastIndexOf('=') + 1)..];

    [OneTimeSetUp]
    public async Task StartSimulator() =>
        simulator = await ProxmoxSimulator.StartAsync(new SimulatorOptions { UseHttps = true }, CancellationToken.None);

    [OneTimeTearDown]
    public async Task StopSimulator() => await simulator.DisposeAsync();

    [Test]
    public void An_unreachable_url_says_it_cannot_connect_to_that_endpoint(CancellationToken cancellationToken)
    {
        var port = ClosedLoopbackPort();
        using var client = Create(o => o.BaseUrl = new Uri($"https://127.0.0.1:{port}"));

        var error = Assert.ThrowsAsync<ProxmoxConnectionException>(() => client.Version.GetAsync(cancellationToken))!;

        AssertOneCleanLine(error, $"Cannot connect to Proxmox at https://127.0.0.1:{port}: Connection refused.");
    }

    [Test]
    public void A_wrong_token_says_the_server_rejected_that_token_id(CancellationToken cancellationToken)
    {
        var tokenId = simulator.Token[..simulator.Token.LastIndexOf('=')];
        using var client = Create(o => o.ApiToken = tokenId + "=not-the-secret");

        var error = Assert.ThrowsAsync<ProxmoxUnauthorizedException>(() => client.Version.GetAsync(cancellationToken))!;

        AssertOneCleanLine(error, $"Proxmox at {Endpoint} rejected the API token {tokenId}: 401 Authentication failed!");
        Assert.That(error.Message, Does.Not.Contain("not-the-secret"));
    }

    [Test]
    public void A_wrong_fingerprint_names_the_fingerprint_the_server_showed_and_the_pinned_one(CancellationToken cancellationToken)
    {
        var pinned = string.Join(':', Enumerable.Repeat("AA", 32));
        using var client = Create(o => o.CertificateFingerprint = pinned);

        var error = Assert.ThrowsAsync<ProxmoxCertificateException>(() => client.Version.GetAsync(cancellationToken))!;

        AssertOneCleanLine(error, $"Refusing Proxmox at {Endpoint}: its TLS certificate has SHA-256 fingerprint {simulator.CertificateSha256Fingerprint}, not the pinned {pinned}.");
        Assert.That(error.ActualFingerprint, Is.EqualTo(simulator.CertificateSha256Fingerprint));
    }

    [Test]
    public void A_self_signed_certificate_without_a_pin_says_to_pin_its_fingerprint(CancellationToken cancellationToken)
    {
        using var client = Create(o => o.CertificateFingerprint = null);

        var error = Assert.ThrowsAsync<ProxmoxCertificateException>(() => client.Version.GetAsync(cancellationToken))!;

        Assert.That(error.Message, Does.StartWith($"Refusing Proxmox at {Endpoint}: its TLS certificate is not trusted by this system (")
            .And.EndWith($"; pin its SHA-256 fingerprint {simulator.CertificateSha256Fingerprint} if it is the node's self-signed certificate."));
        AssertOneCleanLine(error, error.Message);
    }

    [Test]
    public async Task Skipping_verification_connects_to_a_self_signed_server(CancellationToken cancellationToken)
    {
        using var client = Create(o =>
        {
            o.CertificateFingerprint = null;
            o.SkipCertificateVerification = true;
        });

        var version = await client.Version.GetAsync(cancellationToken);

        Assert.That(version.Release, Is.EqualTo("9.1"));
    }

    private ProxmoxClient Create(Action<ProxmoxClientOptions> configure)
    {
        var options = new ProxmoxClientOptions { BaseUrl = simulator.BaseUrl, ApiToken = simulator.Token, CertificateFingerprint = simulator.CertificateSha256Fingerprint };
        configure(options);
        // Retry delays (at most 10 s) pass at once; the 35 s attempt and 2 min call timeouts never fire.
        return ProxmoxClient.Create(options, timeProvider: new InstantDelayTimeProvider(TimeSpan.FromSeconds(15)));
    }

    private void AssertOneCleanLine(ProxmoxException error, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo(expected));
            Assert.That(error.Message, Does.Not.Contain('\n').And.Not.Contain(" at ").Or.Contain("Proxmox at "));
            Assert.That(error.Message, Does.Not.Contain(Secret));
            Assert.That(error.IsTransient, Is.EqualTo(error.Kind == ProxmoxErrorKind.ConnectionFailed));
        });
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
