using System.Collections.Concurrent;
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
        using var all = new CountdownEvent(3);
        void Record(object? name)
        {
            fired.Enqueue((string)name!);
            all.Signal();
        }

        using var late = PreciseTimeProvider.Instance.CreateTimer(Record, "late", TimeSpan.FromMilliseconds(200), Timeout.InfiniteTimeSpan);
        using var middle = PreciseTimeProvider.Instance.CreateTimer(Record, "middle", TimeSpan.FromMilliseconds(100), Timeout.InfiniteTimeSpan);
        using var early = PreciseTimeProvider.Instance.CreateTimer(Record, "early", TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        await Task.Run(() => all.Wait(Patience));

        Assert.That(fired, Is.EqualTo(new[] { "early", "middle", "late" }));
    }

    [Test]
    public async Task A_periodic_timer_fires_again_and_again_until_it_is_disposed()
    {
        var count = 0;
        using var three = new CountdownEvent(3);
        var timer = PreciseTimeProvider.Instance.CreateTimer(_ =>
        {
            Interlocked.Increment(ref count);
            if (!three.IsSet)
            {
                three.Signal();
            }
        }, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2));

        await Task.Run(() => three.Wait(Patience));
        timer.Dispose();
        var atDispose = Volatile.Read(ref count);
        await Task.Delay(TimeSpan.FromMilliseconds(50), PreciseTimeProvider.Instance);

        Assert.That(atDispose, Is.GreaterThanOrEqualTo(3));
        // One callback may already have been queued to the thread pool as Dispose ran, as with .NET's own timers.
        Assert.That(Volatile.Read(ref count), Is.InRange(atDispose, atDispose + 1));
        Assert.That(timer.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan), Is.False, "a disposed timer cannot be restarted");
    }

    [Test]
    public async Task A_timer_changed_to_never_or_disposed_does_not_fire_but_a_later_one_still_does()
    {
        var fired = new ConcurrentQueue<string>();
        using var changed = PreciseTimeProvider.Instance.CreateTimer(_ => fired.Enqueue("changed"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        var disposed = PreciseTimeProvider.Instance.CreateTimer(_ => fired.Enqueue("disposed"), null, TimeSpan.FromMilliseconds(20), Timeout.InfiniteTimeSpan);
        using var later = new ManualResetEventSlim();
        using var witness = PreciseTimeProvider.Instance.CreateTimer(_ => later.Set(), null, TimeSpan.FromMilliseconds(60), Timeout.InfiniteTimeSpan);

        changed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        await disposed.DisposeAsync();
        await Task.Run(() => later.Wait(Patience));

        Assert.That((later.IsSet, fired), Is.EqualTo((true, Array.Empty<string>())));
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
