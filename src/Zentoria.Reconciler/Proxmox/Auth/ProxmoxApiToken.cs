using System.Diagnostics.CodeAnalysis;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>An API token, <c>USER@REALM!TOKENID=SECRET</c>. Its id is printable; its secret never is.</summary>
internal sealed record ProxmoxApiToken
{
    private ProxmoxApiToken(string tokenId, SecretString secret)
    {
        TokenId = tokenId;
        Secret = secret;
    }

    /// <summary><c>user@realm!tokenid</c>: the identity Proxmox sees, also in UPIDs.</summary>
    public string TokenId { get; }

    public SecretString Secret { get; }

    public string AuthorizationHeaderValue => $"PVEAPIToken={TokenId}={Secret.Reveal()}";

    /// <summary>Parses the token; the error names what is wrong without repeating the value.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ProxmoxApiToken? token, [NotNullWhen(false)] out string? problem)
    {
        token = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "the API token is empty";
            return false;
        }

        // The secret is whatever follows the last '='; the id before it is USER@REALM!TOKENID.
        var equals = text.LastIndexOf('=');
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var bang = text.IndexOf('!', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1 || at <= 0 || bang < at + 2 || bang >= equals - 1)
        {
            problem = "the API token must look like USER@REALM!TOKENID=SECRET";
            return false;
        }

        token = new ProxmoxApiToken(text[..equals], new SecretString(text[(equals + 1)..]));
        problem = null;
        return true;
    }

    public override string ToString() => $"{TokenId}=***";
}
