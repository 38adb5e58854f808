using System.Globalization;

namespace Zentoria.Reconciler.DesiredState.Validation;

/// <summary>Checks five-field cron expressions (minute hour day-of-month month day-of-week), as sync windows use.</summary>
internal static class CronSchedule
{
    private static readonly (string Name, int Min, int Max, string[] Names)[] Fields =
    [
        ("minute", 0, 59, []),
        ("hour", 0, 23, []),
        ("day of month", 1, 31, []),
        ("month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        ("day of week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]),
    ];

    public static string? Check(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            return $"'{expression}' is not a cron schedule: it needs 5 fields (minute hour day-of-month month day-of-week), not {parts.Length}";
        }

        for (var i = 0; i < 5; i++)
        {
            var (name, min, max, names) = Fields[i];
            if (!parts[i].Split(',').All(item => IsValidItem(item, min, max, names)))
            {
                return $"'{expression}' is not a cron schedule: the {name} field '{parts[i]}' must use values {min}-{max}, '*', ranges, lists and steps";
            }
        }

        return null;
    }

    private static bool IsValidItem(string item, int min, int max, string[] names)
    {
        var slash = item.Split('/');
        if (slash.Length > 2 || (slash.Length == 2 && !(int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0)))
        {
            return false;
        }

        if (slash[0] == "*")
        {
            return true;
        }

        var range = slash[0].Split('-');
        return range.Length <= 2 && range.All(v => IsValidValue(v, min, max, names)) &&
               (range.Length == 1 || Value(range[0], names) <= Value(range[1], names));
    }

    private static bool IsValidValue(string value, int min, int max, string[] names) =>
        names.Contains(value.ToUpperInvariant()) ||
        (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max);

    private static int Value(string value, string[] names)
    {
        var index = Array.IndexOf(names, value.ToUpperInvariant());
        return index >= 0 ? index + (names.Length == 12 ? 1 : 0) : int.Parse(value, CultureInfo.InvariantCulture);
    }
}
