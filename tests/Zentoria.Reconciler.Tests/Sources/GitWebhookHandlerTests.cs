using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class GitWebhookHandlerTests
{
    private const string Secret = "webhook-shared-secret-42";

    private static readonly byte[] GitHubPush = Encoding.UTF8.GetBytes(
        """{"ref":"refs/heads/main","before":"aaa","after":"0123456789abcdef0123456789abcdef01234567","repository":{"full_name":"zentoria/stack","clone_url":"https://example.invalid/zentoria/stack.git"},"pusher":{"name":"ann"}}""");

    private static readonly byte[] GiteaPush = Encoding.UTF8.GetBytes(
        """{"ref":"refs/heads/main","before":"bbb","after":"89abcdef0123456789abcdef0123456789abcdef","compare_url":"","commits":[],"repository":{"id":1,"full_name":"zentoria/stack"},"pusher":{"login":"ann"}}""");

    private FetchTrigger fetches = null!;
    private FakeLogger logger = null!;
    private GitWebhookHandler handler = null!;

    [SetUp]
    public void SetUp()
    {
        fetches = new FetchTrigger();
        logger = new FakeLogger();
        var secret = WebhookSecret.Load(new WebhookOptions(), name => name == "ZENTORIA_WEBHOOK_SECRET" ? Secret : null, new SecretRedactor());
        handler = new GitWebhookHandler(secret, "refs/heads/main", fetches, logger);
    }

    [Test]
    public async Task A_correctly_signed_github_push_requests_a_fetch()
    {
        var outcome = handler.Handle(GitHubPush, Sign(GitHubPush), "push", "127.0.0.1");

        Assert.That(outcome.StatusCode, Is.EqualTo(202));
        Assert.That(outcome.FetchRequested, Is.True);
        Assert.That(await Pending(), Is.True);
    }

    [Test]
    public void A_correctly_signed_gitea_push_requests_a_fetch()
    {
        var outcome = handler.Handle(GiteaPush, Sign(GiteaPush), "push", "127.0.0.1");

        Assert.That(outcome.FetchRequested, Is.True);
    }

    [TestCase(null, Description = "unsigned")]
    [TestCase("sha256=0000000000000000000000000000000000000000000000000000000000000000", Description = "wrong signature")]
    [TestCase("sha1=0123", Description = "another algorithm")]
    [TestCase("sha256=zz", Description = "not hex")]
    public async Task An_unsigned_or_badly_signed_request_gets_401_and_changes_nothing(string? signature)
    {
        var outcome = handler.Handle(GitHubPush, signature, "push", "127.0.0.1");

        Assert.That(outcome.StatusCode, Is.EqualTo(401));
        Assert.That(outcome.FetchRequested, Is.False);
        Assert.That(await Pending(), Is.False);
    }

    [Test]
    public async Task A_signature_for_another_body_is_refused()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(GitHubPush).Replace("main", "prod", StringComparison.Ordinal));

        var outcome = handler.Handle(tampered, Sign(GitHubPush), "push", "127.0.0.1");

        Assert.That(outcome.StatusCode, Is.EqualTo(401));
        Assert.That(await Pending(), Is.False);
    }

    [Test]
    public async Task Without_a_configured_secret_every_request_is_refused()
    {
        var unconfigured = new GitWebhookHandler(WebhookSecret.Load(new WebhookOptions(), _ => null, new SecretRedactor()), "refs/heads/main", fetches, logger);

        var outcome = unconfigured.Handle(GitHubPush, Sign(GitHubPush), "push", "127.0.0.1");

        Assert.That(outcome.StatusCode, Is.EqualTo(401));
        Assert.That(await Pending(), Is.False);
    }

    [Test]
    public async Task A_push_to_another_branch_or_a_ping_is_acknowledged_without_a_fetch()
    {
        var other = Encoding.UTF8.GetBytes("""{"ref":"refs/heads/feature","after":"abc","repository":{"full_name":"x/y"}}""");
        var ping = Encoding.UTF8.GetBytes("""{"zen":"Keep it logically awesome.","hook_id":1}""");

        var pushed = handler.Handle(other, Sign(other), "push", "127.0.0.1");
        var pinged = handler.Handle(ping, Sign(ping), "ping", "127.0.0.1");

        Assert.That(pushed.StatusCode, Is.EqualTo(202));
        Assert.That(pinged.StatusCode, Is.EqualTo(200));
        Assert.That(await Pending(), Is.False);
    }

    [Test]
    public void The_secret_is_never_logged()
    {
        handler.Handle(GitHubPush, Sign(GitHubPush), "push", "127.0.0.1");
        handler.Handle(GitHubPush, "sha256=" + new string('1', 64), "push", "127.0.0.1");

        Assert.That(logger.Collector.GetSnapshot().Select(r => r.Message), Has.None.Contains(Secret));
    }

    [Test]
    public async Task A_storm_of_webhooks_is_coalesced_into_one_fetch()
    {
        var source = new CountingSource();
        var synchronizer = new SourceSynchronizer(source, "test", fetches, new ReconcileTrigger(), new SourcePollingOptions(), () => 0.5, new FakeTimeProvider(), logger);
        for (var i = 0; i < 50; i++)
        {
            handler.Handle(GitHubPush, Sign(GitHubPush), "push", "127.0.0.1");
        }

        // The fake clock never moves, so the loop fetches once at start, once for the pending request, then waits.
        using var stop = new CancellationTokenSource();
        var loop = synchronizer.RunAsync(stop.Token);
        var fetchesBeforeStop = source.Fetches;
        await stop.CancelAsync();

        Assert.That(async () => await loop, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(fetchesBeforeStop, Is.EqualTo(2), "one fetch at start, one for all fifty webhooks");
    }

    private static string Sign(byte[] body) => WebhookSecret.Sign(Encoding.UTF8.GetBytes(Secret), body);

    /// <summary>Whether a fetch request is pending: the wait completes at once only then (the fake clock never moves).</summary>
    private async Task<bool> Pending()
    {
        using var cancel = new CancellationTokenSource();
        var wait = fetches.WaitAsync(TimeSpan.FromHours(1), new FakeTimeProvider(), cancel.Token);
        var pending = wait.IsCompletedSuccessfully;
        await cancel.CancelAsync();
        try
        {
            await wait;
        }
        catch (OperationCanceledException)
        {
            // The wait was only there to look.
        }

        return pending;
    }
}
