using System.Collections.Immutable;

namespace Zentoria.Reconciler.Observability;

/// <summary>
/// Replaces every registered secret value with <c>***</c> in text bound for status, audit or logs. Whoever
/// loads a secret (the Proxmox token, the reconcile bearer token) registers it at once, so an error message
/// that echoes a request (a URL, a header) cannot leak it.
/// </summary>
/// <remarks>Thread-safe; registering is rare, redacting is lock-free.</remarks>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    // Shorter values would mask ordinary words and numbers; real tokens are far longer.
    private const int MinimumLength = 6;

    private ImmutableArray<string> secrets = [];

    public void Register(string secret)
    {
        if (secret.Length < MinimumLength)
        {
            return;
        }

        ImmutableInterlocked.Update(ref secrets, list => list.Contains(secret) ? list : list.Add(secret));
    }

    public string Redact(string text)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
