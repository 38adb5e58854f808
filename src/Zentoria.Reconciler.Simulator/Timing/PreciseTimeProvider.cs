using System.Diagnostics;

namespace Zentoria.Reconciler.Simulator.Timing;

/// <summary>
/// The system clock, with timers that fire within about a millisecond of their due time. .NET's own timers are
/// scheduled on <see cref="Environment.TickCount64"/>, which Linux serves from <c>CLOCK_MONOTONIC_COARSE</c>: on a
/// 250 Hz kernel a 5 ms <c>Task.Delay</c> lasts 8 to 10 ms, so "5 ms of latency per request" would be twice that and
/// every figure measured against it wrong. One background thread keeps the due timers in a heap, waits on a monitor
/// for whole milliseconds (its timed waits are precise to a fraction of one) and sleeps the rest in libc.
/// A woken thread and a thread-pool hand-off still make each callback start a little late, by about a quarter of a
/// millisecond on a busy machine, so the thread learns that lateness and wakes that much ahead (at most
/// <see cref="MaxLead"/>): callbacks then start on time on average, and a 5 ms latency adds 5 ms, not 5.3.
/// </summary>
internal sealed class PreciseTimeProvider : TimeProvider
{
    /// <summary>Below this a monitor wait, which counts whole milliseconds, would overshoot by too much of it.</summary>
    private static readonly TimeSpan FineWait = TimeSpan.FromMilliseconds(1);

    /// <summary>The most the thread wakes ahead of a due time, in <see cref="Stopwatch"/> ticks (1 ms).</summary>
    private static readonly long MaxLead = Stopwatch.Frequency / 1000;

    /// <summary>How much of each lateness moves the lead: enough to settle within a few hundred callbacks, little enough to ride out a stall.</summary>
    private const int LeadGain = 16;

    // An object, not a Lock: the thread waits on it with Monitor.Wait.
    private readonly object _gate = new();

    private readonly PriorityQueue<(PreciseTimer Timer, long Generation), long> _due = new();
    private Thread? _thread;

    // Stopwatch ticks, kept within [0, MaxLead]: read by the thread, moved by each callback as it starts.
    private long _lead;

    public static PreciseTimeProvider Instance { get; } = new();

    /// <summary>How far ahead of their due times the timers fire now.</summary>
    internal TimeSpan Lead => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _lead));

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
        var fire = new List<(PreciseTimer Timer, long DueAt)>();
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

                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueAt - Volatile.Read(ref _lead));
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
            foreach (var (timer, dueAt) in fire)
            {
                timer.Fire(dueAt);
            }

            fire.Clear();
        }
    }

    /// <summary>
    /// Called as a callback starts: moves the lead by a fraction of how late (or early) that was, so that on average
    /// callbacks start at their due time.
    /// </summary>
    internal void Started(long dueAt)
    {
        var late = Math.Clamp(Stopwatch.GetTimestamp() - dueAt, -MaxLead, MaxLead);
        long lead, next;
        do
        {
            lead = Volatile.Read(ref _lead);
            next = Math.Clamp(lead + (late / LeadGain), 0, MaxLead);
        }
        while (Interlocked.CompareExchange(ref _lead, next, lead) != lead);
    }

    /// <summary>Moves every due (within the lead), still current timer into <paramref name="fire"/>, and drops the stale ones.</summary>
    private bool TakeDue(List<(PreciseTimer Timer, long DueAt)> fire)
    {
        var now = Stopwatch.GetTimestamp() + Volatile.Read(ref _lead);
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

            fire.Add((entry.Timer, dueAt));
        }

        return fire.Count > 0;
    }
}
