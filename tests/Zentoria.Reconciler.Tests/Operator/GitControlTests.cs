using System.Net;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>Approvals, deployment windows, overrides and suspensions, end to end: git commits, the HTTP API, the pass, the audit trail.</summary>
/// <remarks>The fake clock starts on Thursday 2026-11-26 at 12:00 UTC; a deny window "0 12 * * *" for 1 h is active then.</remarks>
[Category("Integration")]
[Parallelizable(ParallelScope.All)]
internal sealed class GitControlTests
{
    private const string Redis = "127.0.2.250/8";
    private const string Qdrant = "127.0.2.243/8";
    private const string Frontend = "127.0.2.240/8";
    private const string Environment = "environments/sandbox/environment.yaml";
    private const string DenyNoon = "\n  windows:\n    - { kind: deny, schedule: \"0 12 * * *\", duration: 1h, timeZone: UTC }";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(20);
    private static readonly DateTimeOffset WindowCloses = new(2026, 11, 26, 13, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_stop_waits_for_approval_then_for_the_window_and_an_approval_lapses_when_a_new_commit_arrives()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync(edit: o => o.Edit(Environment, "approval: { required: false }", "approval: { required: true }" + DenyNoon));
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, "non-disruptive drift is corrected without approval: " + op.Describe());

        op.CommitOverlay(Redis, "  state: stopped", "stop redis");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => op.Container("redis").Message.StartsWith("Awaiting approval", StringComparison.Ordinal), Settle), Is.True, op.Describe());
        }

        var first = op.Status.Snapshot.Control!.PendingApproval!.PlanId;
        using var approved = await op.ControlAsync(HttpMethod.Post, $"/approve/{first}");
        var waitsForWindow = await op.UntilAsync(() => op.Container("redis").Message.Contains("until 2026-11-26 13:00Z", StringComparison.Ordinal), Settle);
        Assert.Multiple(() =>
        {
            Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(waitsForWindow, Is.True, op.Describe());
            Assert.That(op.Container("redis").Phase, Is.EqualTo("Waiting"));
            Assert.That(op.Live(410).Running, Is.True);
        });

        var second = op.CommitOverlay(Frontend, "  resources: { memoryMiB: 1536 }", "frontend gets more memory");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => op.Revision == second && op.Container("redis").Message.StartsWith("Awaiting approval", StringComparison.Ordinal), Settle), Is.True, op.Describe());
        }

        var next = op.Status.Snapshot.Control!.PendingApproval!.PlanId;
        using var stale = await op.ControlAsync(HttpMethod.Post, $"/approve/{first}");
        using var fresh = await op.ControlAsync(HttpMethod.Post, $"/approve/{next}");
        var stoppedEarly = await op.UntilAsync(() => !op.Live(410).Running, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(5));
        var (frontendWhileHeld, memoryWhileHeld) = (op.Container("frontend").Message, op.Live(440).Config["memory"]);
        var stopped = await op.UntilAsync(() => !op.Live(410).Running, TimeSpan.FromMinutes(40), TimeSpan.FromSeconds(5));
        var frontendFollowed = await op.UntilAsync(() => op.Live(440).Config["memory"] == "1536", TimeSpan.FromSeconds(40));

        var audit = op.Audit();
        Assert.Multiple(() =>
        {
            Assert.That(next, Is.Not.EqualTo(first));
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "an approval is for its revision only");
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(frontendWhileHeld, Does.StartWith("Waiting for Container/redis in an earlier wave, which is held until 2026-11-26 13:00Z"));
            Assert.That(memoryWhileHeld, Is.EqualTo("2048"), "a later wave waits for the held one");
            Assert.That(frontendFollowed, Is.True, "the later wave follows once the held one has run");
            Assert.That(stoppedEarly, Is.False, "nothing disruptive runs while the deny window is active");
            Assert.That(stopped, Is.True, op.Describe());
            Assert.That(op.Time.GetUtcNow(), Is.GreaterThanOrEqualTo(WindowCloses));
            Assert.That(audit.Where(l => l.GetProperty("action").GetString() == "approve").Select(l => (l.GetProperty("unit").GetString(), l.GetProperty("actor").GetString())),
                Is.EqualTo(new[] { (first, "release-bot"), (next, "release-bot") }));
            Assert.That(audit.Single(l => l.GetProperty("action").GetString() == "approval-lapsed").GetProperty("revision").GetString(), Is.EqualTo(second));
            Assert.That(audit.Single(l => l.GetProperty("action").GetString() == "stop").GetProperty("revision").GetString(), Is.EqualTo(second));
        });
    }

    [Test]
    public async Task A_units_own_window_holds_only_that_unit_and_an_override_lets_it_run()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync(edit: o => o.Edit(GitOperatorOnSimulator.Overlay,
            $"  network: {{ ip: {Qdrant} }}", $"  network: {{ ip: {Qdrant} }}{DenyNoon}"));
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        op.Edit(GitOperatorOnSimulator.Overlay, $"  network: {{ ip: {Redis} }}", $"  network: {{ ip: {Redis} }}\n  state: stopped");
        op.CommitOverlay(Qdrant, "  state: stopped", "stop redis and qdrant");
        using (await op.WebhookAsync())
        {
            Assert.That(await op.UntilAsync(() => !op.Live(410).Running && op.Container("qdrant").Message.Contains("until 2026-11-26 13:00Z", StringComparison.Ordinal), Settle), Is.True, op.Describe());
        }

        Assert.That(op.Live(443).Running, Is.True, "qdrant's own deny window holds it");
        using var refused = await op.Client.PostAsync(new Uri("/override?for=30m", UriKind.Relative), null);
        using var overridden = await op.ControlAsync(HttpMethod.Post, "/override?for=30m");
        var stopped = await op.UntilAsync(() => !op.Live(443).Running, Settle);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(overridden.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stopped, Is.True, op.Describe());
            Assert.That(op.Status.Snapshot.Control?.WindowOverrideUntil, Is.Not.Null);
            Assert.That(op.Audit().Single(l => l.GetProperty("action").GetString() == "override-windows").GetProperty("actor").GetString(), Is.EqualTo("release-bot"));
        });
    }

    [Test]
    public async Task A_unit_or_everything_suspended_at_run_time_is_left_alone_until_resumed()
    {
        await using var op = await GitOperatorOnSimulator.StartAsync();
        Assert.That(await op.UntilAsync(() => op.ConvergedAt(op.FirstCommit), Settle), Is.True, op.Describe());

        using var refused = await op.Client.PostAsync(new Uri("/suspend/Container/qdrant", UriKind.Relative), null);
        using var unknown = await op.ControlAsync(HttpMethod.Post, "/suspend/Container/nope");
        using var suspended = await op.ControlAsync(HttpMethod.Post, "/suspend/Container/qdrant");
        op.Simulator.Cluster.SetRunning(443, false);
        var leftAlone = !await op.UntilAsync(() => op.Live(443).Running, TimeSpan.FromSeconds(70));
        var whileSuspended = op.Container("qdrant");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(suspended.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(leftAlone, Is.True);
            Assert.That(whileSuspended.Health.ToString(), Is.EqualTo("Suspended"));
            Assert.That(whileSuspended.Message, Does.StartWith("Suspended: suspended by release-bot"));
            Assert.That(op.Status.Snapshot.Control?.Suspended, Is.EqualTo(new[] { "Container/qdrant" }));
        });

        using var resumed = await op.ControlAsync(HttpMethod.Post, "/resume/Container/qdrant");
        Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await op.UntilAsync(() => op.Live(443).Running, Settle), Is.True, op.Describe());

        using var all = await op.ControlAsync(HttpMethod.Post, "/suspend");
        op.Simulator.Cluster.SetRunning(410, false);
        var allLeftAlone = !await op.UntilAsync(() => op.Live(410).Running, TimeSpan.FromSeconds(70));
        using var allResumed = await op.ControlAsync(HttpMethod.Post, "/resume");
        var back = await op.UntilAsync(() => op.Live(410).Running, Settle);

        var actions = op.Audit().Where(l => l.GetProperty("actor").GetString() == "release-bot").Select(l => $"{l.GetProperty("action").GetString()} {l.GetProperty("kind").GetString()}/{l.GetProperty("unit").GetString()}");
        Assert.Multiple(() =>
        {
            Assert.That(allLeftAlone, Is.True);
            Assert.That(back, Is.True, op.Describe());
            Assert.That(actions, Is.EqualTo(new[] { "suspend Container/qdrant", "resume Container/qdrant", "suspend Environment/*", "resume Environment/*" }));
        });
    }
}
