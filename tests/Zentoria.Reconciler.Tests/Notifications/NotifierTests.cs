using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Notifications;

[Category("Integration")]
internal sealed class NotifierTests
{
    private static readonly NotificationEvent Rejected = new(NotificationEvent.DesiredStateSubject, "0123456789abcdef0123456789abcdef01234567",
        NotificationKind.RevisionRejected, "1 validation error(s); revision 89ab stays in force.\nbase/containers.yaml:3:1: kind: unknown", DateTimeOffset.UnixEpoch);

    private TemporaryFolder work = null!;
    private FakeTimeProvider time = null!;
    private NotificationReceiver receiver = null!;
    private FakeLogCollector logs = null!;

    [SetUp]
    public async Task SetUp()
    {
        work = new TemporaryFolder();
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        receiver = await NotificationReceiver.StartAsync();
        logs = new FakeLogCollector();
    }

    [TearDown]
    public async Task TearDown()
    {
        await receiver.DisposeAsync();
        work.Dispose();
    }

    [Test]
    public async Task A_rejected_revision_reaches_a_json_and_a_slack_webhook_once_each()
    {
        var (notifier, _) = Create(Target("json"), Target("slack", NotificationFormat.Slack));

        var queued = notifier.Notify(Rejected with { At = time.GetUtcNow() });
        await notifier.DeliverDueAsync(CancellationToken.None);
        await notifier.DeliverDueAsync(CancellationToken.None);

        var json = JsonDocument.Parse(receiver.Delivered("json").Single()).RootElement;
        var slack = JsonDocument.Parse(receiver.Delivered("slack").Single()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.True);
            Assert.That(json.GetProperty("event").GetString(), Is.EqualTo("RevisionRejected"));
            Assert.That(json.GetProperty("subject").GetString(), Is.EqualTo("desired-state"));
            Assert.That(json.GetProperty("revision").GetString(), Is.EqualTo(Rejected.Revision));
            Assert.That(json.GetProperty("environment").GetString(), Is.EqualTo("production"));
            Assert.That(json.GetProperty("message").GetString(), Does.Contain("base/containers.yaml:3:1"));
            Assert.That(slack.GetProperty("text").GetString(), Does.StartWith("[production] Desired state rejected: desired-state at revision 0123456789ab."));
            Assert.That(receiver.Attempts("json") + receiver.Attempts("slack"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_target_that_answers_500_gets_it_again_after_a_backoff_and_the_other_target_never_twice()
    {
        receiver.Answer = (path, attempt) => path == "flaky" && attempt == 1 ? 500 : 200;
        var (notifier, ledger) = Create(Target("flaky"), Target("steady"));
        notifier.Notify(Rejected with { At = time.GetUtcNow() });

        await notifier.DeliverDueAsync(CancellationToken.None);
        var afterFirst = (receiver.Attempts("flaky"), receiver.Delivered("flaky").Count);
        await notifier.DeliverDueAsync(CancellationToken.None);
        var beforeBackoff = receiver.Attempts("flaky");
        time.Advance(TimeSpan.FromSeconds(3));
        await notifier.DeliverDueAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(afterFirst, Is.EqualTo((1, 0)), "the first attempt was refused");
            Assert.That(beforeBackoff, Is.EqualTo(1), "no retry before the backoff (2 s, jittered) has passed");
            Assert.That(receiver.Delivered("flaky"), Has.Count.EqualTo(1));
            Assert.That(receiver.Attempts("steady"), Is.EqualTo(1), "a delivered target is not sent it again");
            Assert.That(ledger.Entries.Single().Finished, Is.True);
            Assert.That(ledger.Entries.Single().Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_same_subject_revision_and_event_is_never_sent_twice_even_after_a_restart()
    {
        var (notifier, _) = Create(Target("json"));
        notifier.Notify(Rejected);
        await notifier.DeliverDueAsync(CancellationToken.None);

        var (restarted, _) = Create(Target("json"));
        var again = restarted.Notify(Rejected with { Message = "reworded" });
        var other = restarted.Notify(Rejected with { Revision = "fedcba9876543210fedcba9876543210fedcba98" });
        await restarted.DeliverDueAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.False);
            Assert.That(other, Is.True, "another revision is another event");
            Assert.That(receiver.Delivered("json"), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task An_undelivered_notification_is_sent_after_a_restart_and_given_up_after_the_last_attempt()
    {
        receiver.Answer = (_, _) => 503;
        var (notifier, _) = Create(Target("down"));
        notifier.Notify(Rejected with { At = time.GetUtcNow() });
        await notifier.DeliverDueAsync(CancellationToken.None);

        var (restarted, ledger) = Create(Target("down"));
        for (var round = 0; round < 20 && !ledger.Entries.Single().Finished; round++)
        {
            time.Advance(TimeSpan.FromMinutes(6));
            await restarted.DeliverDueAsync(CancellationToken.None);
        }

        Assert.Multiple(() =>
        {
            Assert.That(receiver.Attempts("down"), Is.EqualTo(new NotificationOptions().MaxAttempts));
            Assert.That(ledger.Entries.Single().Finished, Is.True);
            Assert.That(logs.GetSnapshot().Any(r => r.Message.Contains("given up", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task A_webhook_url_never_appears_in_the_logs_or_the_ledger()
    {
        receiver.Answer = (_, _) => 500;
        var secretPath = "services/T000/B000/XXXXsecretXXXX";
        var (notifier, _) = Create(Target(secretPath));
        notifier.Notify(Rejected with { At = time.GetUtcNow() });
        await notifier.DeliverDueAsync(CancellationToken.None);

        var logged = string.Join("\n", logs.GetSnapshot().Select(r => r.Message));
        Assert.That(logged, Does.Contain("answered 500"));
        Assert.That(logged, Does.Not.Contain("XXXXsecretXXXX"));
        Assert.That(File.ReadAllText(Path.Combine(work.Path, NotificationLedger.FileName)), Does.Not.Contain("XXXXsecretXXXX"));
    }

    [Test]
    public void A_notification_file_lists_json_and_slack_targets_and_names_a_bad_line_without_showing_it()
    {
        var good = Path.Combine(work.Path, "good");
        var bad = Path.Combine(work.Path, "bad");
        File.WriteAllText(good, "# team hooks\njson http://127.0.0.1:9/a\n\nslack http://127.0.0.1:9/services/T/B/XXXXsecretXXXX\n");
        File.WriteAllText(bad, "json http://127.0.0.1:9/a\nteams ftp://XXXXsecretXXXX\n");

        var targets = NotificationTargetsFile.Read(good, out var none);
        var refused = NotificationTargetsFile.Read(bad, out var error);

        Assert.That(none, Is.Null);
        Assert.That(targets!.Select(t => t.Format), Is.EqualTo(new[] { NotificationFormat.Json, NotificationFormat.Slack }));
        Assert.That(refused, Is.Null);
        Assert.That(error, Does.Contain($"{bad}:2:").And.Not.Contain("XXXXsecretXXXX"));
    }

    private NotificationTarget Target(string path, NotificationFormat format = NotificationFormat.Json) => new() { Url = receiver.Url(path), Format = format };

    private (Notifier Notifier, NotificationLedger Ledger) Create(params NotificationTarget[] targets)
    {
        var options = new NotificationOptions { Webhooks = [.. targets] };
        var ledger = NotificationLedger.Open(StateFolder.Open(work.Path, "production", _ => null, work.Path), options.Remember);
        var factory = new Microsoft.Extensions.Logging.LoggerFactory([new FakeLoggerProvider(logs)]);
        var sender = new WebhookSender(options, time, factory.CreateLogger<WebhookSender>());
        return (new Notifier(ledger, options, sender, "production", new SecretRedactor(), () => 0.5, time, factory.CreateLogger<Notifier>()), ledger);
    }
}
