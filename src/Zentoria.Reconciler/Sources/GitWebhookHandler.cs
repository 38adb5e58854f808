using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// <c>POST /webhook/git</c>: a GitHub- or Gitea-style push, signed with <c>X-Hub-Signature-256</c>. A valid push to
/// the followed branch or tag asks for a fetch at once; the fetch asks for a pass when the revision changed.
/// </summary>
/// <remarks>
/// The signature is checked before the body is parsed, so an unsigned request costs nothing but a hash and
/// changes nothing. Pushes are coalesced by <see cref="FetchTrigger"/>, so a storm costs one fetch.
/// </remarks>
internal sealed class GitWebhookHandler(WebhookSecret secret, string followedReference, FetchTrigger fetches, ILogger logger)
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    public WebhookOutcome Handle(ReadOnlySpan<byte> body, string? signature, string? eventName, string remoteAddress)
    {
        if (!secret.IsConfigured)
        {
            return Refuse(remoteAddress, "no webhook secret is configured");
        }

        if (!secret.Verifies(body, signature))
        {
            return Refuse(remoteAddress, signature is null ? $"no {SignatureHeader} header" : "the signature does not match");
        }

        if (eventName is "ping")
        {
            return Ignore(remoteAddress, StatusCodes.Status200OK, "ping");
        }

        if (eventName is not (null or "push"))
        {
            return Ignore(remoteAddress, StatusCodes.Status202Accepted, $"a '{eventName}' event, not a push");
        }

        if (GitPushEvent.Parse(body) is not { } push)
        {
            return Ignore(remoteAddress, StatusCodes.Status400BadRequest, "the body is not a push payload with a 'ref'");
        }

        if (!string.Equals(push.Reference, followedReference, StringComparison.Ordinal))
        {
            return Ignore(remoteAddress, StatusCodes.Status202Accepted, $"a push to {push.Reference}, not {followedReference}");
        }

        Log.WebhookAccepted(logger, remoteAddress, push.Reference, push.After);
        fetches.Request();
        return new WebhookOutcome(StatusCodes.Status202Accepted, "fetch requested", FetchRequested: true);
    }

    private WebhookOutcome Refuse(string remoteAddress, string reason)
    {
        Log.WebhookRefused(logger, remoteAddress, reason);
        return new WebhookOutcome(StatusCodes.Status401Unauthorized, "a valid X-Hub-Signature-256 is required", FetchRequested: false);
    }

    private WebhookOutcome Ignore(string remoteAddress, int statusCode, string reason)
    {
        Log.WebhookIgnored(logger, remoteAddress, reason);
        return new WebhookOutcome(statusCode, "ignored: " + reason, FetchRequested: false);
    }
}
