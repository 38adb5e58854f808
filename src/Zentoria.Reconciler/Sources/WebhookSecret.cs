using System.Security.Cryptography;
using System.Text;
using Zentoria.Reconciler.Observability;

namespace Zentoria.Reconciler.Sources;

/// <summary>The webhook's shared secret; <see cref="ToString"/> names where it came from, never the value.</summary>
internal sealed class WebhookSecret
{
    private const string Prefix = "sha256=";

    private readonly byte[]? key;

    private WebhookSecret(byte[]? key, string source)
    {
        this.key = key;
        Source = source;
    }

    /// <summary>False when no secret is configured: then every webhook is refused.</summary>
    public bool IsConfigured => key is not null;

    public string Source { get; }

    public static WebhookSecret Load(WebhookOptions options, Func<string, string?> environmentVariable, SecretRedactor redactor)
    {
        var (secret, source) = options.SecretFile is { } file
            ? (File.ReadAllText(file).Trim(), file)
            : (environmentVariable(options.SecretVariable)?.Trim(), "$" + options.SecretVariable);
        if (string.IsNullOrEmpty(secret))
        {
            return new WebhookSecret(null, source);
        }

        redactor.Register(secret);
        return new WebhookSecret(Encoding.UTF8.GetBytes(secret), source);
    }

    /// <summary>Whether <paramref name="signature"/> (<c>sha256=&lt;hex&gt;</c>) is the HMAC-SHA256 of <paramref name="body"/>.</summary>
    /// <remarks>Compared with <see cref="CryptographicOperations.FixedTimeEquals"/>: a byte-by-byte compare that stops
    /// early would tell an attacker how much of a forged signature is right.</remarks>
    public bool Verifies(ReadOnlySpan<byte> body, string? signature)
    {
        if (key is null || signature is null || !signature.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ||
            signature.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] offered;
        try
        {
            offered = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), offered);
    }

    /// <summary>The header value a sender computes; for tests and the README's curl example.</summary>
    public static string Sign(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));

    public override string ToString() => $"webhook secret from {Source}";
}
