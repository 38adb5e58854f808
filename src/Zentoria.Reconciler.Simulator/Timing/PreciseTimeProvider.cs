using System.Diagnostics;

namespace Zentoria.Reconciler.Simulator.Timing;

/// <summary>
/// The system clock, with timers that fire within about a millisecond of their due time. .NET's own timers are
/// scheduled on <see cref="Environment.TickCount64"/>, which Linux serves from <c>CLOCK_MONOTONIC_COARSE</c>: on a
/// 250 Hz kernel a 5 ms <c>Task.Delay</c> lasts 8 to 10 ms, so "5 ms of latency per request" would be twice that and
/// every figure measured against it wrong. One background thread keeps the due timers in a heap, waits on a monitor
/// for whole milliseconds (its timed waits are precise to a fraction of one) and sleeps the rest in libc.
/// </summary>
internal sealed class PreciseTimeProvider : TimeProvider
{
    /// <summary>Below this a monitor wait, which counts whole milliseconds, would overshoot by too much of it.</summary>
    private static readonly TimeSpan FineWait = TimeSpan.FromMilliseconds(1);

    // An object, not a Lock: the thread waits on it with Monitor.Wait.
    private readonly object _gate = new();

    private readonly PriorityQueue<(PreciseTimer Timer, long Generation), long> _due = new();
    private Thread? _thread;

    public static PreciseTimeProvider Instance { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new PreciseTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Puts <paramref name="timer"/> in the heap at <paramref name="dueAt"/>, a <see cref="Stopwatch"/> timestamp.</summary>
    internal void Schedule(PreciseTimer timer, long generation, long dueAt)
    {
        lock (_gate)
        {
            // Only a new earliest timer changes how long the thread must wait. With a fixed latency every new timer
            // is the latest, and waking the thread for each one would cost a context switch per request.
            var earliest = !_due.TryPeek(out _, out var head) || dueAt < head;
            _due.Enqueue((timer, generation), dueAt);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Precise timers" };
                _thread.Start();
            }

            if (earliest)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    private void Run()
    {
        var fire = new List<PreciseTimer>();
        while (true)
        {
            var rest = TimeSpan.Zero;
            lock (_gate)
            {
                while (!TakeDue(fire))
                {
                    if (!_due.TryPeek(out _, out var dueAt))
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }

                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt);
                    if (wait < FineWait && NativeSleep.Available)
                    {
                        rest = wait;
                        break;
                    }

                    // Whole milliseconds: rounded down where the rest can be slept finely, up where it cannot.
                    Monitor.Wait(_gate, Math.Max(0, NativeSleep.Available ? (int)wait.TotalMilliseconds : (int)Math.Ceiling(wait.TotalMilliseconds)));
                }
            }

            // Outside the lock, so that requests can still schedule; nothing new can be due before this ends.
            NativeSleep.Sleep(rest);
            foreach (var timer in fire)
            {
                timer.Fire();
            }

            fire.Clear();
        }
    }

    /// <summary>Moves every due, still current timer into <paramref name="fire"/>, and drops the stale ones.</summary>
    private bool TakeDue(List<PreciseTimer> fire)
    {
        var now = Stopwatch.GetTimestamp();
        while (_due.TryPeek(out var entry, out var dueAt))
        {
            if (!entry.Timer.IsCurrent(entry.Generation))
            {
                _due.Dequeue();
                continue;
            }

            if (dueAt > now)
            {
                break;
            }

            _due.Dequeue();
            if (entry.Timer.Due(entry.Generation, dueAt) is { } next)
            {
                _due.Enqueue((entry.Timer, entry.Generation), next);
            }

            fire.Add(entry.Timer);
        }

        return fire.Count > 0;
    }
}
