namespace Zentoria.Reconciler.Proxmox;

/// <summary>Tokens are stateless and need no CSRF header: pve-manager skips that check for tokens on purpose.</summary>
internal sealed class ApiTokenAuthenticator(ProxmoxApiToken token) : RequestAuthenticator
{
    public override string Description => $"the API token {token.TokenId}";

    public override ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation("Authorization", token.AuthorizationHeaderValue);
        return ValueTask.CompletedTask;
    }
}
