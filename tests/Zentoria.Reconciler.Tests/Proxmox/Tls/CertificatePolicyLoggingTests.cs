using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Tls;

internal sealed class CertificatePolicyLoggingTests
{
    [Test]
    public void Skipping_certificate_verification_is_a_warning_naming_the_endpoint_and_never_the_token()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider));

        using var client = ProxmoxClient.Create(TestClients.Options(o => o.SkipCertificateVerification = true), factory);

        var entry = provider.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That((entry.Level, entry.EventId.Id), Is.EqualTo((LogLevel.Warning, 3001)));
            Assert.That(entry.Message, Does.Contain("DISABLED").And.Contain("https://127.0.0.1:8006").And.Not.Contain(TestClients.TokenSecret));
        });
    }

    [Test]
    public void Pinning_logs_the_pinned_fingerprint_once()
    {
        var provider = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider));
        var pin = string.Join(':', Enumerable.Repeat("AB", 32));

        using var client = ProxmoxClient.Create(TestClients.Options(o => o.CertificateFingerprint = pin.Replace(":", "", StringComparison.Ordinal)), factory);

        Assert.That(provider.Entries.Select(e => (e.Level, e.Message)), Is.EqualTo(new[] { (LogLevel.Information, $"Proxmox at https://127.0.0.1:8006 is trusted by certificate fingerprint {pin} only") }));
    }
}
