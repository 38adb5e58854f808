namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// Runs an action once pokes have stopped for <c>quiet</c>, and at the latest <c>longest</c> after the first poke
/// of a burst, so an editor saving file after file costs one call and a folder written to without pause still gets one.
/// </summary>
/// <remarks>Thread-safe; the action runs on a timer thread, never under the lock.</remarks>
internal sealed class Debouncer : IDisposable
{
    private readonly Lock gate = new();
    private readonly TimeSpan quiet;
    private readonly TimeSpan longest;
    private readonly TimeProvider time;
    private readonly Action action;
    private readonly ITimer timer;
    private long? burstStartedAt;
    private bool disposed;

    public Debouncer(TimeSpan quiet, TimeSpan longest, TimeProvider time, Action action)
    {
        this.quiet = quiet;
        this.longest = longest < quiet ? quiet : longest;
        this.time = time;
        this.action = action;
        timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Poke()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            var now = time.GetTimestamp();
            burstStartedAt ??= now;
            var left = longest - time.GetElapsedTime(burstStartedAt.Value, now);
            timer.Change(left < quiet ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            timer.Dispose();
        }
    }

    private void Fire()
    {
        lock (gate)
        {
            if (disposed || burstStartedAt is null)
            {
                return;
            }

            burstStartedAt = null;
        }

        action();
    }
}
