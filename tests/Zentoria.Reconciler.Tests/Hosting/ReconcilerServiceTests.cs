using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.Observability;

namespace Zentoria.Reconciler.Tests.Hosting;

internal sealed class ReconcilerServiceTests
{
    // A guard against a hung test, not a wait: every awaited signal below arrives in microseconds.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private FakeTimeProvider time = null!;
    private UnitScheduler scheduler = null!;
    private ReconcileTrigger trigger = null!;
    private StatusStore status = null!;
    private OperatorMetrics metrics = null!;
    private FakeLogger<ReconcilerService> logger = null!;
    private readonly LoopOptions loop = new() { ShutdownTimeout = TimeSpan.FromSeconds(25) };

    [SetUp]
    public void SetUp()
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        scheduler = new UnitScheduler(Backoff(), time);
        trigger = new ReconcileTrigger();
        status = new StatusStore("sandbox", time, new SecretRedactor());
        metrics = OperatorMetrics.Create("test");
        logger = new FakeLogger<ReconcilerService>();
    }

    [Test]
    public async Task A_pass_that_throws_is_logged_once_counted_and_followed_by_a_growing_backoff()
    {
        using var service = Service(_ => throw new InvalidOperationException("bug in the planner"));

        var first = await service.RunPassAsync(CancellationToken.None);
        var second = await service.RunPassAsync(CancellationToken.None);
        var third = await service.RunPassAsync(CancellationToken.None);

        Assert.That(new[] { first, second, third }, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
        var errors = logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(3), "one error line per failed pass");
        Assert.That(errors, Has.All.Matches<FakeLogRecord>(r => r.Exception is InvalidOperationException));
        Assert.That(await OperatorMetricsTests.Export(metrics), Does.Contain("zentoria_reconcile_total{result=\"exception\"} 3"));
    }

    [Test]
    public async Task A_pass_that_succeeds_after_failures_resets_the_backoff_and_waits_the_interval()
    {
        var calls = 0;
        using var service = Service(_ => ++calls <= 2 ? throw new InvalidOperationException("flaky") : Task.FromResult(PassResult.NothingToDo));

        await service.RunPassAsync(CancellationToken.None);
        await service.RunPassAsync(CancellationToken.None);
        var afterSuccess = await service.RunPassAsync(CancellationToken.None);

        Assert.That(afterSuccess, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(await OperatorMetricsTests.Export(metrics), Does.Contain("zentoria_reconcile_total{result=\"success\"} 1"));
        Assert.That(status.Snapshot.LastSuccessfulPassAt, Is.EqualTo(time.GetUtcNow()));
    }

    [Test]
    public async Task The_next_pass_comes_sooner_when_a_unit_is_due_before_the_interval()
    {
        var unit = new UnitKey(UnitKind.Service, "frontend");
        using var service = Service(_ =>
        {
            scheduler.Record(unit, "spec", ReconcileResult.After(TimeSpan.FromSeconds(5), "waiting for backend"));
            return Task.FromResult(PassResult.NothingToDo);
        });

        Assert.That(await service.RunPassAsync(CancellationToken.None), Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task A_unit_left_due_by_a_pass_cannot_make_the_loop_spin()
    {
        var unit = new UnitKey(UnitKind.Service, "frontend");
        scheduler.Record(unit, "spec", ReconcileResult.After(TimeSpan.Zero, "now"));
        using var service = Service(_ => Task.FromResult(PassResult.NothingToDo));

        Assert.That(await service.RunPassAsync(CancellationToken.None), Is.EqualTo(loop.MinimumPassGap));
    }

    [Test]
    public async Task The_first_observed_pass_makes_the_operator_ready()
    {
        using var blind = Service(_ => Task.FromResult(PassResult.NothingToDo with { Observed = false }));
        await blind.RunPassAsync(CancellationToken.None);
        Assert.That(status.Snapshot.Ready, Is.False);

        using var seeing = Service(_ => Task.FromResult(PassResult.NothingToDo));
        await seeing.RunPassAsync(CancellationToken.None);
        Assert.That(status.Snapshot.Ready, Is.True);
    }

    [Test]
    public async Task Every_log_line_of_a_pass_carries_its_reconcile_id()
    {
        using var service = Service(_ => Task.FromResult(PassResult.NothingToDo));

        await service.RunPassAsync(CancellationToken.None);

        var records = logger.Collector.GetSnapshot();
        Assert.That(records, Is.Not.Empty);
        Assert.That(records, Has.All.Matches<FakeLogRecord>(r => r.Scopes.Any(s => s != null && s.ToString()!.StartsWith("Reconcile ", StringComparison.Ordinal))));
    }

    [Test]
    public async Task The_loop_survives_a_throwing_pass_and_runs_the_next_one()
    {
        var passes = new SemaphoreSlim(0);
        var calls = 0;
        using var service = Service(_ =>
        {
            passes.Release();
            return Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("bug") : Task.FromResult(PassResult.NothingToDo);
        });

        await service.StartAsync(CancellationToken.None);
        Assert.That(await passes.WaitAsync(Guard), Is.True, "first pass");
        trigger.Request();
        Assert.That(await passes.WaitAsync(Guard), Is.True, "second pass, after the first threw");
        await service.StopAsync(CancellationToken.None);

        Assert.That(service.ExecuteTask!.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task A_trigger_makes_units_that_are_not_due_yet_due_for_the_next_pass()
    {
        var unit = new UnitKey(UnitKind.Container, "backend");
        var decisions = new List<UnitDecision>();
        var passes = new SemaphoreSlim(0);
        using var service = Service(_ =>
        {
            lock (decisions)
            {
                decisions.Add(scheduler.Decide(unit, "spec"));
            }

            scheduler.Record(unit, "spec", ReconcileResult.Succeeded);
            passes.Release();
            return Task.FromResult(PassResult.NothingToDo);
        });

        await service.StartAsync(CancellationToken.None);
        Assert.That(await passes.WaitAsync(Guard), Is.True);
        trigger.Request();
        Assert.That(await passes.WaitAsync(Guard), Is.True);
        await service.StopAsync(CancellationToken.None);

        lock (decisions)
        {
            Assert.That(decisions, Is.EqualTo(new[] { UnitDecision.Due, UnitDecision.Due }), "no time passed, yet the unit was due again");
        }
    }

    [Test]
    public async Task Shutdown_lets_the_step_in_flight_finish()
    {
        var stepStarted = new TaskCompletionSource();
        var finishStep = new TaskCompletionSource();
        CancellationToken passToken = default;
        var stepCompleted = false;
        using var service = Service(async token =>
        {
            passToken = token;
            stepStarted.TrySetResult();
            await finishStep.Task;
            stepCompleted = !token.IsCancellationRequested;
            return PassResult.NothingToDo;
        });
        await service.StartAsync(CancellationToken.None);
        await stepStarted.Task.WaitAsync(Guard);

        var stopping = service.StopAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(24));
        Assert.That(passToken.IsCancellationRequested, Is.False, "the step keeps its token during the grace period");
        Assert.That(stopping.IsCompleted, Is.False);
        finishStep.SetResult();
        await stopping.WaitAsync(Guard);

        Assert.That(stepCompleted, Is.True);
        Assert.That(service.ExecuteTask!.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task Shutdown_cancels_a_step_that_outlasts_the_grace_period()
    {
        var stepStarted = new TaskCompletionSource();
        using var service = Service(async token =>
        {
            stepStarted.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, time, token);
            return PassResult.NothingToDo;
        });
        await service.StartAsync(CancellationToken.None);
        await stepStarted.Task.WaitAsync(Guard);

        var stopping = service.StopAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(25));
        await stopping.WaitAsync(Guard);

        Assert.That(service.ExecuteTask!.IsCompletedSuccessfully, Is.True, "a cut-short pass is not a crash");
        Assert.That(logger.Collector.GetSnapshot().Any(r => r.Message.Contains("cut the pass short", StringComparison.Ordinal)), Is.True);
    }

    private static BackoffPolicy Backoff() => new(new SchedulingOptions(), () => 0.5);

    private ReconcilerService Service(PassRunner pass) =>
        new(pass, scheduler, trigger, Backoff(), status, metrics, loop, time, logger);
}
