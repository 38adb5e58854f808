using System.Diagnostics;

namespace Zentoria.Reconciler.Simulator.Timing;

/// <summary>
/// One timer of <see cref="PreciseTimeProvider"/>. Each <see cref="Change"/> starts a new generation: heap entries of
/// an older one are stale and dropped, so a change or a dispose never has to search the heap.
/// </summary>
internal sealed class PreciseTimer(PreciseTimeProvider provider, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _gate = new();
    private long _generation;
    private long _period;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.InfiniteTimeSpan);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.InfiniteTimeSpan);
        long generation;
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            generation = ++_generation;
            _period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? 0 : Ticks(period);
        }

        // A stale heap entry (an earlier generation, or a disposed timer) is dropped when it comes up, not searched for.
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            provider.Schedule(this, generation, Stopwatch.GetTimestamp() + Ticks(dueTime));
        }

        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _generation++;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal bool IsCurrent(long generation)
    {
        lock (_gate)
        {
            return !_disposed && _generation == generation;
        }
    }

    /// <summary>Called by the heap when this generation is due: the next due time of a periodic timer, else null.</summary>
    internal long? Due(long generation, long dueAt)
    {
        lock (_gate)
        {
            return _generation == generation && _period > 0 ? dueAt + _period : null;
        }
    }

    internal void Fire(long dueAt) => ThreadPool.UnsafeQueueUserWorkItem(
        static s =>
        {
            s.Provider.Started(s.DueAt);
            s.Callback(s.State);
        },
        (Provider: provider, DueAt: dueAt, Callback: callback, State: state),
        preferLocal: false);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
