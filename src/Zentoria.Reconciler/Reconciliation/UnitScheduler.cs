namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Decides per unit whether it is due, and turns each <see cref="ReconcileResult"/> into the unit's next due
/// time: the jittered interval after success, the requested delay after a requeue, capped exponential backoff
/// after a transient error, never again after a terminal one until the desired-state fingerprint changes.
/// </summary>
/// <remarks>Thread-safe: units of one pass may record their results concurrently.</remarks>
internal sealed class UnitScheduler(BackoffPolicy backoff, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<UnitKey, UnitSchedule> units = [];

    /// <param name="fingerprint">The unit's current desired-state fingerprint (see <see cref="SpecFingerprint"/>).</param>
    public UnitDecision Decide(UnitKey unit, string fingerprint)
    {
        lock (gate)
        {
            if (!units.TryGetValue(unit, out var schedule))
            {
                return UnitDecision.Due;
            }

            // A changed desired state is new work: it neither waits out the old backoff nor stays Stalled.
            if (schedule.Fingerprint != fingerprint)
            {
                units[unit] = schedule with { DueAt = time.GetUtcNow(), Failures = 0, Stalled = false };
                return UnitDecision.Due;
            }

            if (schedule.Stalled)
            {
                return UnitDecision.Stalled;
            }

            return time.GetUtcNow() >= schedule.DueAt ? UnitDecision.Due : UnitDecision.NotDue;
        }
    }

    /// <summary>Records a unit's result and returns when it is due next (null when Stalled).</summary>
    public DateTimeOffset? Record(UnitKey unit, string fingerprint, ReconcileResult result)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var failures = units.TryGetValue(unit, out var previous) && previous.Fingerprint == fingerprint
                ? previous.Failures
                : 0;
            var schedule = result switch
            {
                Done => new UnitSchedule(now + backoff.NextInterval(), 0, fingerprint, Stalled: false),
                RequeueAfter requeue => new UnitSchedule(now + requeue.Delay, 0, fingerprint, Stalled: false),
                TransientError => new UnitSchedule(now + backoff.NextBackoff(failures + 1), failures + 1, fingerprint, Stalled: false),
                TerminalError => new UnitSchedule(DateTimeOffset.MaxValue, failures, fingerprint, Stalled: true),
                _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown reconcile result."),
            };
            units[unit] = schedule;
            return schedule.Stalled ? null : schedule.DueAt;
        }
    }

    /// <summary>
    /// Makes every unit that is not Stalled due now (a trigger from the CLI, HTTP or git). Backoff counts are
    /// kept, so a unit that fails again continues its exponential growth instead of restarting at 1 s.
    /// </summary>
    public void ExpediteAll()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            foreach (var (unit, schedule) in units.ToList())
            {
                if (!schedule.Stalled)
                {
                    units[unit] = schedule with { DueAt = now };
                }
            }
        }
    }

    /// <summary>
    /// Makes one unit due now even if it is Stalled, with a fresh backoff: a person asked for it to be retried
    /// (<c>retry &lt;service&gt;</c>). A unit never reconciled is due anyway.
    /// </summary>
    public void Wake(UnitKey unit)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (units.TryGetValue(unit, out var schedule))
            {
                units[unit] = schedule with { DueAt = now, Failures = 0, Stalled = false };
            }
        }
    }

    /// <summary>The earliest due time among units that are not Stalled, or null when there are none.</summary>
    public DateTimeOffset? NextDueAt()
    {
        lock (gate)
        {
            DateTimeOffset? earliest = null;
            foreach (var schedule in units.Values)
            {
                if (!schedule.Stalled && (earliest is null || schedule.DueAt < earliest))
                {
                    earliest = schedule.DueAt;
                }
            }

            return earliest;
        }
    }

    public int ConsecutiveFailures(UnitKey unit)
    {
        lock (gate)
        {
            return units.TryGetValue(unit, out var schedule) ? schedule.Failures : 0;
        }
    }

    /// <summary>Forgets units that are no longer desired, so their schedules neither leak nor wake the loop.</summary>
    public void Retain(IReadOnlySet<UnitKey> desired)
    {
        lock (gate)
        {
            foreach (var unit in units.Keys.Where(u => !desired.Contains(u)).ToList())
            {
                units.Remove(unit);
            }
        }
    }
}
