using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.Observability;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class ActionRunnerTests
{
    private static readonly UnitKey Backend = new(UnitKind.Container, "backend");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private TemporaryFolder work = null!;
    private StateFolder folder = null!;
    private Journal journal = null!;
    private AuditTrail audit = null!;
    private OperatorMetrics metrics = null!;
    private NodeMutationLock nodes = null!;
    private ActionLimiter limiter = null!;
    private ActionRunner runner = null!;

    [SetUp]
    public void SetUp()
    {
        work = new TemporaryFolder();
        folder = StateFolder.Open(work.Path, "sandbox", _ => null, work.Path);
        journal = Journal.Open(folder, time);
        audit = new AuditTrail(folder, new AuditOptions(), new SecretRedactor());
        metrics = OperatorMetrics.Create("test");
        nodes = new NodeMutationLock();
        limiter = new ActionLimiter(new SchedulingOptions { MaxConcurrentActions = 4 });
        runner = new ActionRunner(limiter, nodes, journal, audit, metrics, time, NullLogger<ActionRunner>.Instance);
    }

    [TearDown]
    public void TearDown()
    {
        nodes.Dispose();
        limiter.Dispose();
        work.Dispose();
    }

    [Test]
    public async Task The_intent_is_on_disk_before_the_action_acts()
    {
        JournalEntry? seenWhileActing = null;

        await runner.RunAsync(Resize(), _ =>
        {
            seenWhileActing = Journal.Open(folder, time).Find(Backend, "resize-memory");
            return Task.FromResult(ReconcileResult.Succeeded);
        }, CancellationToken.None);

        Assert.That(seenWhileActing?.State, Is.EqualTo(JournalStepState.Intended));
        Assert.That(seenWhileActing!.Facts["previous"], Is.EqualTo("2048"));
        Assert.That(Journal.Open(folder, time).Find(Backend, "resize-memory")!.State, Is.EqualTo(JournalStepState.Completed));
    }

    [Test]
    public async Task A_successful_action_is_audited_and_counted()
    {
        await runner.RunAsync(Resize(), async token =>
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromSeconds(3));
            return ReconcileResult.Succeeded;
        }, CancellationToken.None);

        using var line = JsonDocument.Parse(File.ReadAllLines(audit.CurrentPath).Single());
        Assert.That(line.RootElement.GetProperty("action").GetString(), Is.EqualTo("resize-memory"));
        Assert.That(line.RootElement.GetProperty("before").GetString(), Is.EqualTo("2048 MiB"));
        Assert.That(line.RootElement.GetProperty("after").GetString(), Is.EqualTo("4096 MiB"));
        Assert.That(line.RootElement.GetProperty("result").GetString(), Is.EqualTo("Succeeded"));
        Assert.That(line.RootElement.GetProperty("durationSeconds").GetDouble(), Is.EqualTo(3));
        Assert.That(await OperatorMetricsTests.Export(metrics), Does.Contain("zentoria_actions_total{kind=\"Container\",action=\"resize-memory\",result=\"success\"} 1"));
    }

    [Test]
    public async Task A_failed_action_is_audited_with_its_error_and_stays_intended()
    {
        var result = await runner.RunAsync(Resize(), _ => Task.FromResult(ReconcileResult.Transient("CT 441 is locked (backup)")), CancellationToken.None);

        Assert.That(result, Is.InstanceOf<TransientError>());
        Assert.That(File.ReadAllText(audit.CurrentPath), Does.Contain("\"result\":\"Failed\"").And.Contain("CT 441 is locked (backup)"));
        Assert.That(journal.Pending().Select(e => e.Step), Is.EqualTo(new[] { "resize-memory" }));
        Assert.That(await OperatorMetricsTests.Export(metrics), Does.Contain("result=\"failure\"} 1"));
    }

    [Test]
    public async Task A_throwing_action_is_audited_then_rethrown()
    {
        Assert.That(() => runner.RunAsync(Resize(), _ => throw new InvalidOperationException("bug"), CancellationToken.None),
            Throws.InvalidOperationException);

        Assert.That(File.ReadAllText(audit.CurrentPath), Does.Contain("\"error\":\"bug\""));
        Assert.That(limiter.Available, Is.EqualTo(4), "the slot is given back");
        using var again = await nodes.AcquireAsync(new NodeName("pve"), CancellationToken.None);
    }

    [Test]
    public async Task Actions_on_one_node_run_one_at_a_time()
    {
        var release = new TaskCompletionSource<ReconcileResult>();
        var first = runner.RunAsync(Resize(), _ => release.Task, CancellationToken.None);
        var secondStarted = false;

        var second = runner.RunAsync(Resize() with { Name = "start" }, _ =>
        {
            secondStarted = true;
            return Task.FromResult(ReconcileResult.Succeeded);
        }, CancellationToken.None);

        Assert.That(secondStarted, Is.False);
        release.SetResult(ReconcileResult.Succeeded);
        await Task.WhenAll(first, second);
        Assert.That(secondStarted, Is.True);
    }

    private static MutatingAction Resize() =>
        new(Backend, "resize-memory", new NodeName("pve"), new VmId(441), "rev-1", "2048 MiB", "4096 MiB",
            new Dictionary<string, string> { ["previous"] = "2048" });
}
