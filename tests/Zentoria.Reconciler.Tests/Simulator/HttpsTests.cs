using System.Net;
using System.Security.Cryptography;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class HttpsTests
{
    [Test]
    public async Task Https_serves_the_generated_certificate_whose_fingerprint_is_published()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions { UseHttps = true }, CancellationToken.None);
        string? seen = null;
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            seen = SimulatorHarness.Fingerprint(certificate!.GetCertHash(HashAlgorithmName.SHA256));
            return seen == sim.CertificateSha256Fingerprint;
        };
        using var http = new HttpClient(handler) { BaseAddress = sim.BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "PVEAPIToken=" + sim.Token);

        using var response = await http.GetAsync("nodes");
        var nodes = (await SimulatorHarness.DataAsync(response))!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(sim.BaseUrl.Scheme, Is.EqualTo("https"));
            Assert.That(sim.BaseUrl.AbsolutePath, Is.EqualTo("/api2/json/"));
            Assert.That(sim.CertificateSha256Fingerprint, Does.Match("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
            Assert.That(seen, Is.EqualTo(sim.CertificateSha256Fingerprint));
            Assert.That(nodes[0]!["ssl_fingerprint"]!.GetValue<string>(), Is.EqualTo(sim.CertificateSha256Fingerprint));
        });
    }

    [Test]
    public async Task A_client_that_trusts_the_system_store_refuses_the_self_signed_certificate()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions { UseHttps = true }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = sim.BaseUrl };

        Assert.That(async () => await http.GetAsync("version"), Throws.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task Plain_http_has_no_fingerprint()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions(), CancellationToken.None);

        Assert.That(sim.CertificateSha256Fingerprint, Is.Null);
        Assert.That(sim.BaseUrl.Scheme, Is.EqualTo("http"));
        Assert.That(IPAddress.IsLoopback(IPAddress.Parse(sim.BaseUrl.Host)), Is.True);
    }

    [Test]
    public async Task The_simulator_also_listens_on_ipv6_loopback()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions { ListenAddress = IPAddress.IPv6Loopback }, CancellationToken.None);

        Assert.That(sim.BaseUrl.Host, Is.EqualTo("[::1]"));
    }
}
