using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sources;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class SourceSynchronizerTests
{
    private TestRepository repository = null!;
    private FakeTimeProvider time = null!;
    private ReconcileTrigger passes = null!;

    [SetUp]
    public void SetUp()
    {
        repository = new TestRepository();
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        passes = new ReconcileTrigger();
    }

    [TearDown]
    public void TearDown() => repository.Dispose();

    [Test]
    public async Task A_valid_commit_is_put_in_force_under_its_sha()
    {
        var sha = repository.CommitMinimal();
        var synchronizer = Synchronizer();

        var outcome = await synchronizer.TickAsync(CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(SourceTickOutcome.Applied));
        Assert.That(synchronizer.Current?.Revision, Is.EqualTo(sha));
        Assert.That(synchronizer.HasTicked, Is.True);
        Assert.That(await synchronizer.TickAsync(CancellationToken.None), Is.EqualTo(SourceTickOutcome.Unchanged));
    }

    [Test]
    public async Task The_polling_loop_fetches_at_start_and_requests_a_pass_for_a_new_revision()
    {
        var sha = repository.CommitMinimal();
        using var synchronizer = Synchronizer();
        using var stop = new CancellationTokenSource();

        var loop = synchronizer.RunAsync(stop.Token);
        var woke = await passes.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
        await stop.CancelAsync();

        Assert.That(woke, Is.EqualTo(WakeReason.Triggered));
        Assert.That(synchronizer.Current?.Revision, Is.EqualTo(sha));
        Assert.That(async () => await loop, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task An_invalid_commit_is_rejected_and_the_last_valid_revision_stays_in_force()
    {
        var good = repository.CommitMinimal();
        var synchronizer = Synchronizer();
        await synchronizer.TickAsync(CancellationToken.None);

        repository.WriteFile("deploy/base/containers.yaml", "kind: [broken\n");
        var broken = repository.CommitAndPush("broken");
        var outcome = await synchronizer.TickAsync(CancellationToken.None);
        var again = await synchronizer.TickAsync(CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(SourceTickOutcome.Rejected));
        Assert.That(again, Is.EqualTo(SourceTickOutcome.Unchanged), "a rejected revision is reported once");
        Assert.That(synchronizer.Current?.Revision, Is.EqualTo(good));
        Assert.That(synchronizer.State.Rejected?.Revision, Is.EqualTo(broken));
        Assert.That(synchronizer.State.Rejected!.Errors, Is.Not.Empty);
    }

    [Test]
    public async Task A_failed_fetch_keeps_the_last_valid_revision_and_backs_off()
    {
        var good = repository.CommitMinimal();
        var synchronizer = Synchronizer();
        await synchronizer.TickAsync(CancellationToken.None);
        var interval = synchronizer.NextDelay();

        Directory.Move(repository.Bare, repository.Bare + ".gone");
        var outcome = await synchronizer.TickAsync(CancellationToken.None);

        Assert.That(outcome, Is.EqualTo(SourceTickOutcome.FetchFailed));
        Assert.That(synchronizer.Current?.Revision, Is.EqualTo(good));
        Assert.That(synchronizer.State.Failure?.Kind, Is.EqualTo(SourceFailureKind.Unreachable));
        Assert.That(interval, Is.EqualTo(TimeSpan.FromSeconds(60)), "jitter drawn at 0.5 is none");
        Assert.That(synchronizer.NextDelay(), Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void The_polling_interval_is_jittered_either_way()
    {
        var low = new SourceSynchronizer(new CountingSource(), "test", new FetchTrigger(), passes, new SourcePollingOptions(), () => 0.0, time, NullLogger.Instance);
        var high = new SourceSynchronizer(new CountingSource(), "test", new FetchTrigger(), passes, new SourcePollingOptions(), () => 0.999_999, time, NullLogger.Instance);

        Assert.That(low.NextDelay(), Is.EqualTo(TimeSpan.FromSeconds(54)));
        Assert.That(high.NextDelay().TotalSeconds, Is.EqualTo(66).Within(0.001));
    }

    [Test]
    public async Task The_first_failed_fetch_of_a_streak_starts_a_pass_to_report_it_and_later_failures_only_back_off()
    {
        var source = new CountingSource();
        using var synchronizer = new SourceSynchronizer(source, "test", new FetchTrigger(), passes, new SourcePollingOptions(), () => 0.5, time, NullLogger.Instance);
        using var stop = new CancellationTokenSource();

        var loop = synchronizer.RunAsync(stop.Token);
        // A bound on real time only so that a missing request fails the test instead of hanging it.
        var first = await passes.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        await UntilAsync(() => source.Fetches >= 4, advance: TimeSpan.FromSeconds(5));

        var later = await passes.WaitAsync(TimeSpan.Zero, time, CancellationToken.None);
        await stop.CancelAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(WakeReason.Triggered));
            Assert.That(source.Fetches, Is.GreaterThanOrEqualTo(4));
            Assert.That(later, Is.EqualTo(WakeReason.Elapsed), "a failure streak asks for one pass, not one per retry");
            Assert.That(synchronizer.State.ConsecutiveFailures, Is.GreaterThanOrEqualTo(4));
        });
        Assert.That(async () => await loop, Throws.InstanceOf<OperationCanceledException>());
    }

    // Bounded in turns; the fake clock moves only as far as the test says.
    private async Task UntilAsync(Func<bool> condition, TimeSpan advance)
    {
        for (var turn = 0; turn < 2_000 && !condition(); turn++)
        {
            time.Advance(advance);
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        }
    }

    private SourceSynchronizer Synchronizer()
    {
        var options = new GitSourceOptions { Repository = repository.Bare, Path = TestRepository.DesiredPath };
        var source = new GitSource(options, repository.StateFolder, time, new SecretRedactor(), NullLogger.Instance);
        return new SourceSynchronizer(source, "test", new FetchTrigger(), passes, new SourcePollingOptions(), () => 0.5, time, NullLogger.Instance);
    }
}
