using System.Security.Cryptography;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>SHA-256 host key fingerprints in the form <c>ssh-keygen -l -E sha256</c> prints.</summary>
internal static class HostKeyFingerprint
{
    public const string Prefix = "SHA256:";

    /// <summary>Of a public key blob (the base64 part of a known_hosts line, decoded): <c>SHA256:</c> and unpadded base64.</summary>
    public static string Of(ReadOnlySpan<byte> keyBlob) => Prefix + Convert.ToBase64String(SHA256.HashData(keyBlob)).TrimEnd('=');

    /// <summary>Compares a pinned fingerprint with an offered one, tolerating base64 padding; the prefix is required.</summary>
    public static bool Matches(string pinned, string offered)
    {
        var trimmed = pinned.Trim();
        return trimmed.StartsWith(Prefix, StringComparison.Ordinal)
            && string.Equals(trimmed.TrimEnd('='), offered, StringComparison.Ordinal);
    }

    /// <summary>The key type a public key blob names first, such as <c>ssh-ed25519</c> or <c>ssh-rsa</c>.</summary>
    public static string KeyType(ReadOnlySpan<byte> keyBlob)
    {
        if (keyBlob.Length < 4)
        {
            return "unknown";
        }

        var length = (keyBlob[0] << 24) | (keyBlob[1] << 16) | (keyBlob[2] << 8) | keyBlob[3];
        return length > 0 && length <= keyBlob.Length - 4 ? System.Text.Encoding.ASCII.GetString(keyBlob.Slice(4, length)) : "unknown";
    }
}
