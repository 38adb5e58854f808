using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The SHA-256 of a certificate's DER bytes. Accepts <c>AA:BB:...</c> (as <c>GET /nodes</c> prints
/// <c>ssl_fingerprint</c>) or plain hex, any case; prints upper-case with colons.
/// </summary>
internal sealed record CertificateFingerprint
{
    private readonly byte[] hash;

    private CertificateFingerprint(byte[] hash) => this.hash = hash;

    public static CertificateFingerprint FromHash(ReadOnlySpan<byte> sha256) =>
        sha256.Length == 32 ? new(sha256.ToArray()) : throw new ArgumentException("A SHA-256 hash has 32 bytes.", nameof(sha256));

    public static bool TryParse(string? text, [NotNullWhen(true)] out CertificateFingerprint? fingerprint)
    {
        fingerprint = null;
        var hex = text?.Trim().Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (hex is not { Length: 64 } || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        fingerprint = new CertificateFingerprint(Convert.FromHexString(hex));
        return true;
    }

    public bool Matches(ReadOnlySpan<byte> sha256) => hash.AsSpan().SequenceEqual(sha256);

    public bool Equals(CertificateFingerprint? other) => other is not null && Matches(other.hash);

    public override int GetHashCode() => BitConverter.ToInt32(hash, 0);

    public override string ToString() => string.Join(':', hash.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
