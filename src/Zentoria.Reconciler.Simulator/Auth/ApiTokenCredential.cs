namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>
/// <c>USER@REALM!TOKENID=SECRET</c>: the value after the last <c>=</c> is the secret, everything before it the
/// token id. <see cref="ToString"/> never shows the secret.
/// </summary>
internal sealed class ApiTokenCredential
{
    private ApiTokenCredential(string tokenId, string secret)
    {
        TokenId = tokenId;
        Secret = secret;
    }

    public string TokenId { get; }

    public string Secret { get; }

    public string UserId => TokenId[..TokenId.IndexOf('!', StringComparison.Ordinal)];

    public string TokenName => TokenId[(TokenId.IndexOf('!', StringComparison.Ordinal) + 1)..];

    /// <summary>The full string a client sends after <c>PVEAPIToken=</c>.</summary>
    public string Full => TokenId + "=" + Secret;

    public static bool TryParse(string? text, out ApiTokenCredential credential)
    {
        credential = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            return false;
        }

        var tokenId = text[..equals];
        var bang = tokenId.IndexOf('!', StringComparison.Ordinal);
        var at = tokenId.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || bang < at + 2 || bang == tokenId.Length - 1 || tokenId.Any(char.IsWhiteSpace))
        {
            return false;
        }

        credential = new ApiTokenCredential(tokenId, text[(equals + 1)..]);
        return true;
    }

    public static ApiTokenCredential Parse(string text) =>
        TryParse(text, out var credential)
            ? credential
            : throw new SimulatorConfigurationException("the token must look like USER@REALM!TOKENID=SECRET");

    public override string ToString() => TokenId;
}
