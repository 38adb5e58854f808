using Microsoft.AspNetCore.Http;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Auth;

/// <summary>
/// The pveproxy authentication layer: API token header, or ticket cookie plus CSRF header on writes.
/// Failures are 401 with an empty body; 9.1.5+ hides the cause behind one reason phrase.
/// </summary>
internal sealed class Authenticator(AccessRegistry access, PveVersion version)
{
    private const string TokenScheme = "PVEAPIToken";
    private const string CookieName = "PVEAuthCookie";

    public (Identity? Identity, ApiResult? Failure) Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(TokenScheme, StringComparison.Ordinal)
            && authorization.Length > TokenScheme.Length
            && authorization[TokenScheme.Length] is '=' or ' ')
        {
            return AuthenticateToken(authorization[(TokenScheme.Length + 1)..].Trim());
        }

        var ticket = request.Cookies[CookieName];
        if (ticket is null && authorization.StartsWith(CookieName + "=", StringComparison.Ordinal))
        {
            ticket = authorization[(CookieName.Length + 1)..];
        }

        if (ticket is null)
        {
            return (null, Fail("No ticket", alwaysRaw: true));
        }

        var user = access.Tickets.VerifyTicket(Uri.UnescapeDataString(ticket));
        if (user is null)
        {
            return (null, Fail("permission denied - invalid PVE ticket"));
        }

        if (!HttpMethods.IsGet(request.Method) && !access.Tickets.VerifyCsrfToken(request.Headers["CSRFPreventionToken"], user))
        {
            return (null, Fail("Permission denied - invalid csrf token", alwaysRaw: true));
        }

        return (new Identity(user, null, null), null);
    }

    private (Identity?, ApiResult?) AuthenticateToken(string value)
    {
        if (!ApiTokenCredential.TryParse(value, out var presented))
        {
            return (null, Fail("invalid token value!"));
        }

        var token = access.FindToken(presented.TokenId);
        if (token is null)
        {
            return (null, Fail($"no such token '{presented.TokenName}' for user '{presented.UserId}'"));
        }

        if (!string.Equals(token.Credential.Secret, presented.Secret, StringComparison.Ordinal))
        {
            return (null, Fail("invalid token value!"));
        }

        if (access.IsExpired(token))
        {
            return (null, Fail($"token '{presented.TokenName}' access expired"));
        }

        return (new Identity(presented.UserId, presented.TokenId, token.Acl), null);
    }

    private ApiResult Fail(string cause, bool alwaysRaw = false) =>
        ApiResult.WithoutBody(401, alwaysRaw || version == PveVersion.V8_1 ? cause : "Authentication failed!");
}
