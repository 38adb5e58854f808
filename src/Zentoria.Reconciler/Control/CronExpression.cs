using System.Globalization;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// A five-field cron expression (minute hour day-of-month month day-of-week) matched against a wall-clock time:
/// <c>*</c>, lists, ranges, steps, and names (<c>jan</c>, <c>mon-fri</c>); day of week 0 and 7 are Sunday.
/// </summary>
/// <remarks>
/// As in Vixie cron and robfig/cron (which Argo CD's sync windows use): when both day fields are restricted, a day
/// matches if either does (<c>0 0 1 * mon</c> is the 1st and every Monday); when one is <c>*</c>, only the other counts.
/// </remarks>
internal sealed class CronExpression
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly ulong minutes;
    private readonly ulong hours;
    private readonly ulong days;
    private readonly ulong months;
    private readonly ulong weekdays;
    private readonly bool anyDay;
    private readonly bool anyWeekday;

    private CronExpression(string[] fields)
    {
        minutes = Field(fields[0], 0, 59, []);
        hours = Field(fields[1], 0, 23, []);
        days = Field(fields[2], 1, 31, []);
        months = Field(fields[3], 1, 12, MonthNames);
        weekdays = Field(fields[4], 0, 7, DayNames);
        if ((weekdays & (1UL << 7)) != 0)
        {
            weekdays |= 1;
        }

        anyDay = fields[2] is "*" or "?";
        anyWeekday = fields[4] is "*" or "?";
    }

    /// <summary>The parsed expression, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static CronExpression? TryParse(string text, out string? error)
    {
        error = CronSchedule.Check(text);
        return error is null ? new CronExpression(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;
    }

    /// <summary>Whether the expression fires at <paramref name="wallClock"/>'s minute (seconds are ignored).</summary>
    public bool Matches(DateTime wallClock)
    {
        if (!Has(minutes, wallClock.Minute) || !Has(hours, wallClock.Hour) || !Has(months, wallClock.Month))
        {
            return false;
        }

        var day = Has(days, wallClock.Day);
        var weekday = Has(weekdays, (int)wallClock.DayOfWeek);
        return anyDay || anyWeekday ? day && weekday : day || weekday;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;

    private static ulong Field(string field, int min, int max, string[] names)
    {
        var bits = 0UL;
        foreach (var item in field.Split(','))
        {
            var slash = item.Split('/');
            var step = slash.Length == 2 ? int.Parse(slash[1], CultureInfo.InvariantCulture) : 1;
            int from, to;
            if (slash[0] is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else
            {
                var range = slash[0].Split('-');
                from = Value(range[0], names, min);
                // "5/15" means every 15 from 5 to the end, as in Vixie cron.
                to = range.Length == 2 ? Value(range[1], names, min) : slash.Length == 2 ? max : from;
            }

            for (var value = from; value <= to; value += step)
            {
                bits |= 1UL << value;
            }
        }

        return bits;
    }

    private static int Value(string text, string[] names, int min)
    {
        var index = Array.IndexOf(names, text.ToUpperInvariant());
        return index >= 0 ? index + (min == 1 ? 1 : 0) : int.Parse(text, CultureInfo.InvariantCulture);
    }
}
