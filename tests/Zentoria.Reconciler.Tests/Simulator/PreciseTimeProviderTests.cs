using System.Collections.Concurrent;
using System.Diagnostics;
using Zentoria.Reconciler.Simulator.Timing;

namespace Zentoria.Reconciler.Tests.Simulator;

/// <summary>
/// The simulator's timers: what fires, how often and in which order. How precisely they fire is a figure, printed by
/// the <c>reconcile-pass</c> benchmark, not asserted here.
/// </summary>
internal sealed class PreciseTimeProviderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Test]
    public async Task A_delay_on_it_completes()
    {
        var delay = Task.Delay(TimeSpan.FromMilliseconds(5), PreciseTimeProvider.Instance);

        await delay.WaitAsync(Patience);

        Assert.That(delay.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task Timers_fire_in_the_order_they_are_due_not_the_order_they_were_made()
    {
        var fired = new ConcurrentQueue<string>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Record(object? name)
        {
            fired.Enqueue((string)name!);
            if (fired.Count == 3)
            {
                all.TrySetResult();
            }
        }

        using var late = PreciseTimeProvider.Instance.CreateTimer(Record, "late", TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        using var middle = PreciseTimeProvider.Instance.CreateTimer(Record, "middle", TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        using var early = PreciseTimeProvider.Instance.CreateTimer(Record, "early", TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await all.Task.WaitAsync(Patience);

        Assert.That(fired, Is.EqualTo(new[] { "early", "middle", "late" }));
    }

    [Test]
    public async Task A_timer_made_after_a_distant_one_but_due_sooner_fires_without_waiting_for_it()
    {
        // Its own provider: another test's timer waking the shared thread must not be what makes this pass.
        var time = new PreciseTimeProvider();
        var soon = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var distant = time.CreateTimer(_ => { }, null, TimeSpan.FromHours(1), Timeout.InfiniteTimeSpan);
        using var later = time.CreateTimer(_ => { }, null, TimeSpan.FromHours(2), Timeout.InfiniteTimeSpan);
        await Task.Delay(TimeSpan.FromMilliseconds(50), time).WaitAsync(Patience);

        using var sooner = time.CreateTimer(_ => soon.TrySetResult(), null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);

        Assert.That(async () => await soon.Task.WaitAsync(Patience), Throws.Nothing);
    }

    [Test]
    public void The_lead_follows_how_late_callbacks_start_but_never_passes_a_millisecond_or_goes_below_zero()
    {
        var time = new PreciseTimeProvider();
        var tenthOfAMillisecond = Stopwatch.Frequency / 10_000;

        time.Started(Stopwatch.GetTimestamp() - (2 * tenthOfAMillisecond));
        var afterOneLateStart = time.Lead;
        for (var i = 0; i < 1_000; i++)
        {
            time.Started(Stopwatch.GetTimestamp() - Stopwatch.Frequency);
        }

        var afterLongStalls = time.Lead;
        for (var i = 0; i < 1_000; i++)
        {
            time.Started(Stopwatch.GetTimestamp() + Stopwatch.Frequency);
        }

        Assert.Multiple(() =>
        {
            Assert.That(afterOneLateStart, Is.GreaterThan(TimeSpan.Zero).And.LessThan(TimeSpan.FromMilliseconds(0.2)), "one late start moves the lead by a fraction of its lateness");
            Assert.That(afterLongStalls, Is.EqualTo(TimeSpan.FromMilliseconds(1)), "stalls of a second each leave the lead at its bound");
            Assert.That(time.Lead, Is.EqualTo(TimeSpan.Zero), "early starts bring it back to zero, not below");
        });
    }

    [Test]
    public async Task Callbacks_never_start_more_than_the_greatest_lead_before_they_are_due()
    {
        var time = new PreciseTimeProvider();
        var earliest = TimeSpan.MaxValue;
        for (var i = 0; i < 100; i++)
        {
            var made = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromMilliseconds(2), time).WaitAsync(Patience);
            var waited = Stopwatch.GetElapsedTime(made);
            earliest = waited < earliest ? waited : earliest;
        }

        Assert.That(earliest, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task A_periodic_timer_fires_again_and_again_until_it_is_disposed()
    {
        var count = 0;
        // Callbacks may overlap on the thread pool and may run after the test: nothing in them may throw or be disposed.
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = PreciseTimeProvider.Instance.CreateTimer(_ =>
        {
            if (Interlocked.Increment(ref count) >= 3)
            {
                three.TrySetResult();
            }
        }, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));

        await three.Task.WaitAsync(Patience);
        timer.Dispose();
        // Callbacks already queued to the thread pool as Dispose ran may still run, as with .NET's own timers: let
        // them, then nothing more may come.
        await Task.Delay(TimeSpan.FromMilliseconds(200), PreciseTimeProvider.Instance);
        var settled = Volatile.Read(ref count);
        await Task.Delay(TimeSpan.FromMilliseconds(100), PreciseTimeProvider.Instance);

        Assert.That(settled, Is.GreaterThanOrEqualTo(3));
        Assert.That(Volatile.Read(ref count), Is.EqualTo(settled), "a disposed periodic timer fires no more");
        Assert.That(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan), Is.False, "a disposed timer cannot be restarted");
    }

    [Test]
    public async Task A_timer_changed_to_never_or_disposed_does_not_fire_but_a_later_one_still_does()
    {
        var fired = new ConcurrentQueue<string>();
        using var changed = PreciseTimeProvider.Instance.CreateTimer(_ => fired.Enqueue("changed"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        var disposed = PreciseTimeProvider.Instance.CreateTimer(_ => fired.Enqueue("disposed"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        var later = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var witness = PreciseTimeProvider.Instance.CreateTimer(_ => later.TrySetResult(), null, TimeSpan.FromMilliseconds(60), Timeout.InfiniteTimeSpan);

        changed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await disposed.DisposeAsync();
        await later.Task.WaitAsync(Patience);

        Assert.That(fired, Is.Empty);
    }

    [Test]
    public async Task A_cancelled_delay_ends_cancelled_and_does_not_hold_up_the_others()
    {
        using var cancel = new CancellationTokenSource();
        var cancelled = Task.Delay(TimeSpan.FromMinutes(10), PreciseTimeProvider.Instance, cancel.Token);
        var other = Task.Delay(TimeSpan.FromMilliseconds(5), PreciseTimeProvider.Instance);

        await cancel.CancelAsync();
        await other.WaitAsync(Patience);

        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
    }
}
