using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Control;

/// <summary>A sync window with its schedule parsed and its time zone found; knows when it opens.</summary>
internal sealed class CompiledWindow
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private CompiledWindow(SyncWindowSpec spec, CronExpression cron, TimeZoneInfo zone)
    {
        Spec = spec;
        Cron = cron;
        Zone = zone;
    }

    public SyncWindowSpec Spec { get; }

    private CronExpression Cron { get; }

    private TimeZoneInfo Zone { get; }

    public string Describe() => $"{Spec.Kind.ToString().ToLowerInvariant()} window '{Spec.Schedule}' for {Spec.Duration} ({Spec.TimeZone})";

    /// <summary>Null, with <paramref name="error"/>, when the schedule or the time zone is not usable.</summary>
    public static CompiledWindow? TryCompile(SyncWindowSpec spec, out string? error)
    {
        var cron = CronExpression.TryParse(spec.Schedule, out error);
        if (cron is null)
        {
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(spec.TimeZone, out var zone))
        {
            error = $"the time zone '{spec.TimeZone}' is not known on this machine";
            return null;
        }

        return new CompiledWindow(spec, cron, zone);
    }

    /// <summary>The instants in (<paramref name="after"/>, <paramref name="until"/>] at which this window opens, oldest first.</summary>
    /// <remarks>
    /// Walks UTC minutes and reads the zone's wall clock at each, so daylight-saving changes fall out of the zone
    /// rules: a start that falls in the hour skipped in spring opens when the clocks jump (as Vixie cron runs such
    /// jobs), and a start in the hour repeated in autumn opens once, at its first occurrence. Durations are elapsed
    /// time, so a window spanning a change lasts exactly its duration.
    /// </remarks>
    public IEnumerable<DateTimeOffset> Starts(DateTimeOffset after, DateTimeOffset until)
    {
        var utc = Truncate(after.ToUniversalTime()) + Minute;
        var previous = WallClock(utc - Minute);
        for (; utc <= until; utc += Minute)
        {
            var wall = WallClock(utc);
            if (Opens(previous, wall, utc))
            {
                yield return utc;
            }

            previous = wall;
        }
    }

    /// <summary>Whether the window is open at <paramref name="instant"/>: it opened within the last <see cref="SyncWindowSpec.Duration"/>.</summary>
    public bool IsOpen(DateTimeOffset instant) => Starts(instant - Spec.Duration, instant).Any();

    private bool Opens(DateTime previous, DateTime wall, DateTimeOffset utc)
    {
        if (wall - previous > Minute)
        {
            // Spring forward: the wall clock skipped minutes; any match among them opens now.
            for (var skipped = previous + Minute; skipped <= wall; skipped += Minute)
            {
                if (Cron.Matches(skipped))
                {
                    return true;
                }
            }

            return false;
        }

        if (!Cron.Matches(wall))
        {
            return false;
        }

        // Autumn: the repeated wall time matches twice; only its first occurrence (the larger, summer offset) counts.
        return !Zone.IsAmbiguousTime(wall) || Zone.GetUtcOffset(utc) == Zone.GetAmbiguousTimeOffsets(wall).Max();
    }

    private DateTime WallClock(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
