using System.Net;
using System.Text.Json;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Tests.Sources;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>The operator following a real git repository: polling, webhooks, rejected revisions, rewritten and deleted branches.</summary>
[Category("Integration")]
[Parallelizable(ParallelScope.All)]
internal sealed class GitSourceOperatorTests
{
    private const string Redis = "127.0.2.250/8";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);

    [Test]
    public async Task A_committed_change_is_enforced_under_its_sha_once_the_poll_fetches_it()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync();
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        var changed = op.CommitOverlay(Redis, "  resources: { memoryMiB: 1536 }", "redis gets more memory");
        var beforePoll = await op.UntilAsync(() => op.Revision == changed, TimeSpan.FromSeconds(30));
        var afterPoll = await op.UntilAsync(() => op.ConvergedAt(changed), TimeSpan.FromSeconds(60));

        var metrics = await op.MetricsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(beforePoll, Is.False, "nothing fetches before the 60 s poll");
            Assert.That(afterPoll, Is.True, op.Describe());
            Assert.That(op.Live(410).Config["memory"], Is.EqualTo("1536"));
            Assert.That(op.Container("redis").Revision, Is.EqualTo(changed));
            Assert.That(op.Status.Snapshot.Source?.Kind, Is.EqualTo("Git"));
            Assert.That(metrics, Does.Contain($"zentoria_desired_state_info{{revision=\"{changed}\"}} 1"));
            Assert.That(metrics, Does.Not.Contain($"revision=\"{op.FirstCommit}\""), "only the revision in force is shown");
            Assert.That(op.Audit().Where(l => l.GetProperty("unit").GetString() == "redis").Select(l => l.GetProperty("revision").GetString()),
                Is.Not.Empty.And.All.EqualTo(changed));
        });
    }

    [Test]
    public async Task A_correctly_signed_webhook_converges_to_the_new_commit_without_waiting_for_the_poll()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync(configure: o => o.Source.Polling.Interval = TimeSpan.FromHours(1));
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        var changed = op.CommitOverlay(Redis, "  resources: { memoryMiB: 2048 }", "redis gets more memory");
        using var response = await op.WebhookAsync();
        var converged = await op.UntilAsync(() => op.ConvergedAt(changed), TimeSpan.FromSeconds(30));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(converged, Is.True, "the poll is an hour away: " + op.Describe());
        Assert.That(op.Live(410).Config["memory"], Is.EqualTo("2048"));
    }

    [Test]
    public async Task An_unsigned_or_badly_signed_webhook_gets_401_and_changes_nothing()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync(configure: o => o.Source.Polling.Interval = TimeSpan.FromHours(1));
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        var changed = op.CommitOverlay(Redis, "  resources: { memoryMiB: 2048 }", "redis gets more memory");
        using var forged = await op.WebhookAsync(secret: "not-the-secret");
        using var unsigned = await op.WebhookAsync(secret: null);
        var fetched = await op.UntilAsync(() => op.Revision == changed, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(fetched, Is.False);
            Assert.That(op.Revision, Is.EqualTo(op.FirstCommit));
            Assert.That(op.Live(410).Config["memory"], Is.EqualTo("1024"));
        });
    }

    [Test]
    public async Task A_commit_with_invalid_yaml_is_rejected_the_previous_revision_stays_enforced_and_one_notification_says_so()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync(notify: true);
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        op.Repository.WriteFile($"{GitOperatorOnSimulator.DesiredPath}/environments/sandbox/broken.yaml", "apiVersion: zentoria.ai/v1\nkind: [broken\n");
        var broken = op.Repository.CommitAndPush("a broken file");
        using var response = await op.WebhookAsync();
        var rejected = await op.UntilAsync(() => op.Status.Snapshot.InvalidRevision == broken, Settle);
        op.Simulator.Cluster.SetRunning(443, false);
        var stillEnforced = await op.UntilAsync(() => op.Live(443).Running, TimeSpan.FromSeconds(40));
        var notified = await op.UntilAsync(() => op.Receiver!.Delivered("hook").Count > 0, Settle);
        await op.UntilAsync(() => false, TimeSpan.FromSeconds(130), TimeSpan.FromSeconds(1));

        var snapshot = op.Status.Snapshot;
        var metrics = await op.MetricsAsync();
        var notifications = op.Receiver!.Delivered("hook");
        Assert.Multiple(() =>
        {
            Assert.That(rejected, Is.True, op.Describe());
            Assert.That(snapshot.Revision, Is.EqualTo(op.FirstCommit));
            Assert.That(snapshot.ValidationErrors, Has.Some.Contains("broken.yaml"));
            Assert.That(stillEnforced, Is.True, "the last valid revision is still enforced");
            Assert.That(op.Container("qdrant").Revision, Is.EqualTo(op.FirstCommit));
            Assert.That(metrics, Does.Contain($"zentoria_desired_state_rejected{{revision=\"{broken}\"}} "));
            Assert.That(notified, Is.True);
            Assert.That(notifications, Has.Count.EqualTo(1), "once, however many polls see the same revision");
            Assert.That(JsonDocument.Parse(notifications[0]).RootElement.GetProperty("revision").GetString(), Is.EqualTo(broken));
            Assert.That(JsonDocument.Parse(notifications[0]).RootElement.GetProperty("message").GetString(), Does.Contain("broken.yaml"));
        });

        var fixedUp = op.Repository.CommitAndPush("remove the broken file", remove: $"{GitOperatorOnSimulator.DesiredPath}/environments/sandbox/broken.yaml");
        using var again = await op.WebhookAsync();
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(fixedUp), Settle), Is.True, op.Describe());
        Assert.That(op.Status.Snapshot.InvalidRevision, Is.Null);
        Assert.That(await op.MetricsAsync(), Does.Not.Contain("zentoria_desired_state_rejected{"));
    }

    [Test]
    public async Task A_force_push_keeps_the_last_good_revision_in_force_also_after_a_restart_until_it_is_accepted()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync();
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());
        var good = op.CommitOverlay(Redis, "  resources: { memoryMiB: 1536 }", "redis gets more memory");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => op.ConvergedAt(good), Settle), Is.True, op.Describe());
        }

        op.Repository.Git("reset", "--quiet", "--hard", "HEAD~1");
        var rewritten = op.CommitOverlay(Redis, "  resources: { memoryMiB: 768 }", "history rewritten");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => op.Status.Snapshot.Source?.Error is not null, Settle), Is.True, op.Describe());
        }

        var error = op.Status.Snapshot.Source!.Error;
        await op.RestartAsync();
        var detectedAfterRestart = await op.UntilAsync(() => op.Status.Snapshot.Source?.Error is not null && op.Revision is not null, Settle);

        Assert.Multiple(() =>
        {
            Assert.That(error, Does.Contain("rewritten").And.Contain(good));
            Assert.That(detectedAfterRestart, Is.True, op.Describe());
            Assert.That(op.Revision, Is.EqualTo(good), "the last good revision, from the state folder");
            Assert.That(op.Live(410).Config["memory"], Is.EqualTo("1536"));
        });

        await op.RestartAsync(o => o.Source.Git.FollowRewrittenHistory = true);
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(rewritten), Settle), Is.True, op.Describe());
        Assert.That(op.Live(410).Config["memory"], Is.EqualTo("768"));
    }

    [Test]
    public async Task A_deleted_branch_keeps_the_last_good_revision_enforced_until_the_branch_returns()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync();
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        TestRepository.Git(op.Repository.Bare, "update-ref", "-d", "refs/heads/main");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => op.Status.Snapshot.Source?.Error is not null, Settle), Is.True, op.Describe());
        }

        op.Simulator.Cluster.SetRunning(443, false);
        var stillEnforced = await op.UntilAsync(() => op.Live(443).Running, TimeSpan.FromSeconds(40));
        var error = op.Status.Snapshot.Source!.Error;
        var back = op.CommitOverlay(Redis, "  resources: { memoryMiB: 1536 }", "main is back");
        using var response = await op.WebhookAsync();

        Assert.Multiple(() =>
        {
            Assert.That(error, Does.Contain("refs/heads/main"));
            Assert.That(stillEnforced, Is.True);
            Assert.That(op.Revision, Is.EqualTo(op.FirstCommit).Or.EqualTo(back));
        });
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(back), Settle), Is.True, op.Describe());
        Assert.That(op.Status.Snapshot.Source?.Error, Is.Null);
    }

    [Test]
    public async Task The_git_source_settings_are_checked_at_start()
    {
        var options = new Reconciler.Hosting.OperatorOptions
        {
            Source = { Kind = SourceKind.Git, Git = new GitSourceOptions { Repository = "https://user:hunter2@git.example.org/stack.git", TokenFile = "/nonexistent/token" } },
        };

        var errors = SourceOptionsValidation.Errors(options.Source).ToList();

        Assert.That(errors, Has.Some.Contains("password or token"));
        Assert.That(errors, Has.Some.Contains("Source.Git.TokenFile (/nonexistent/token) does not exist"));
        Assert.That(string.Join("\n", errors), Does.Not.Contain("hunter2"));
    }
}
