using System.Text;
using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Tests.Sources;

/// <summary>A GitHub-style push to <c>refs/heads/main</c> for <c>POST /webhook/git</c>, signed as GitHub and Gitea sign.</summary>
internal static class GitPush
{
    /// <param name="secret">The shared secret to sign with; null sends it unsigned.</param>
    public static HttpRequestMessage Request(string route, string after, string? secret)
    {
        var body = Encoding.UTF8.GetBytes($$$"""{"ref":"refs/heads/main","after":"{{{after}}}","repository":{"full_name":"zentoria/stack"}}""");
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-GitHub-Event", "push");
        if (secret is not null)
        {
            request.Headers.Add(GitWebhookHandler.SignatureHeader, WebhookSecret.Sign(Encoding.UTF8.GetBytes(secret), body));
        }

        return request;
    }
}
