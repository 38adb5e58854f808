using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Tls;

internal sealed class CertificateFingerprintTests
{
    private const string Colons = "5F:40:6C:F3:29:55:81:AB:2E:20:DB:C5:DE:CB:5C:0F:37:F0:80:FB:B3:52:A2:A9:F6:4E:C7:11:80:8A:7F:23";

    [Test]
    public void Colon_separated_and_plain_lower_case_hex_are_the_same_fingerprint()
    {
        var parsedWithColons = CertificateFingerprint.TryParse(Colons, out var withColons);
        var parsedPlain = CertificateFingerprint.TryParse(Colons.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant(), out var plain);

        Assert.That((parsedWithColons, parsedPlain, withColons, plain?.ToString()), Is.EqualTo((true, true, plain, Colons)));
    }

    [TestCase("5F:40")]
    [TestCase("not hex at all")]
    [TestCase("")]
    public void Anything_but_32_bytes_of_hex_is_refused(string text)
    {
        Assert.That(CertificateFingerprint.TryParse(text, out _), Is.False);
    }
}
