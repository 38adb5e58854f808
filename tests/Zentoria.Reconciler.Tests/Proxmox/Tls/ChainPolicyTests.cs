using System.Security.Cryptography.X509Certificates;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Tls;

/// <summary>Which certificate chain .NET builds before the validator decides: only the system's trust store needs one.</summary>
internal sealed class ChainPolicyTests
{
    [Test]
    public void A_pinned_client_builds_its_chains_without_the_system_trust_store_revocation_or_downloads()
    {
        using var handler = TestClients.Handler(o => o.CertificateFingerprint = string.Join(':', Enumerable.Repeat("AB", 32)));

        var policy = handler.SslOptions.CertificateChainPolicy;

        Assert.That(
            (policy?.TrustMode, policy?.CustomTrustStore.Count, policy?.RevocationMode, policy?.DisableCertificateDownloads),
            Is.EqualTo(((X509ChainTrustMode?)X509ChainTrustMode.CustomRootTrust, (int?)0, (X509RevocationMode?)X509RevocationMode.NoCheck, (bool?)true)));
    }

    [Test]
    public void A_client_that_skips_verification_builds_no_chain_against_the_system_trust_store_either()
    {
        using var handler = TestClients.Handler(o => o.SkipCertificateVerification = true);

        Assert.That(handler.SslOptions.CertificateChainPolicy?.TrustMode, Is.EqualTo(X509ChainTrustMode.CustomRootTrust));
    }

    [Test]
    public void A_client_without_a_pin_keeps_the_system_trust_store()
    {
        using var handler = TestClients.Handler(_ => { });

        Assert.That(handler.SslOptions.CertificateChainPolicy, Is.Null);
    }
}
