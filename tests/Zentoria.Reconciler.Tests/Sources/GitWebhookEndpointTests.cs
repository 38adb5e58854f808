using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Sources;

[Category("Integration")]
internal sealed class GitWebhookEndpointTests
{
    private const string Secret = "endpoint-webhook-secret-7";

    private static readonly byte[] Push = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/main","after":"abc","repository":{"full_name":"z/s"}}""");

    [Test]
    public async Task A_signed_push_over_http_is_accepted_and_requests_a_fetch()
    {
        var fetches = new FetchTrigger();
        await using var op = await StartAsync(fetches);

        using var response = await PostAsync(op, WebhookSecret.Sign(Encoding.UTF8.GetBytes(Secret), Push));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(fetches.WaitAsync(TimeSpan.FromHours(1), op.Time, CancellationToken.None).IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task An_unsigned_push_over_http_gets_401()
    {
        await using var op = await StartAsync(new FetchTrigger());

        using var response = await PostAsync(op, signature: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Without_a_git_source_the_route_answers_404()
    {
        await using var op = await RunningOperator.StartAsync();

        using var response = await PostAsync(op, WebhookSecret.Sign(Encoding.UTF8.GetBytes(Secret), Push));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static Task<RunningOperator> StartAsync(FetchTrigger fetches) =>
        RunningOperator.StartAsync(configureServices: services =>
        {
            var secret = WebhookSecret.Load(new WebhookOptions(), name => name == "ZENTORIA_WEBHOOK_SECRET" ? Secret : null, new SecretRedactor());
            services.AddSingleton(new GitWebhookHandler(secret, "refs/heads/main", fetches, NullLogger.Instance));
        });

    private static async Task<HttpResponseMessage> PostAsync(RunningOperator op, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GitWebhookEndpoint.Route) { Content = new ByteArrayContent(Push) };
        request.Headers.Add("X-GitHub-Event", "push");
        if (signature is not null)
        {
            request.Headers.Add(GitWebhookHandler.SignatureHeader, signature);
        }

        return await op.Client.SendAsync(request);
    }
}
