namespace Zentoria.Reconciler.Tests.Proxmox.Support;

/// <summary>
/// A clock that jumps forward by each requested delay instead of waiting, and records the delays, so backoff
/// and polling schedules are observed exactly. Timers longer than <paramref name="horizon"/> never fire: they
/// stand for the timeouts a test does not exercise.
/// </summary>
internal sealed class InstantDelayTimeProvider(TimeSpan horizon) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<TimeSpan> delays = [];
    private DateTimeOffset now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public InstantDelayTimeProvider()
        : this(TimeSpan.FromMinutes(5))
    {
    }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (gate)
            {
                return [.. delays];
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new InstantTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Fire(TimerCallback callback, object? state, TimeSpan dueTime)
    {
        if (dueTime < TimeSpan.Zero || dueTime > horizon)
        {
            return;
        }

        lock (gate)
        {
            now += dueTime;
            delays.Add(dueTime);
        }

        ThreadPool.QueueUserWorkItem(_ => callback(state));
    }
}
