using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.DesiredState.Validation;

internal static partial class TimeZones
{
    public static string? Check(string value)
    {
        if (!IanaPattern().IsMatch(value))
        {
            return $"'{value}' is not an IANA time zone such as Europe/Amsterdam or UTC";
        }

        // A machine without tzdata (a slim container image) knows only UTC; the pattern is all it can check then.
        var known = TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId;
        return known || !HasTimeZoneDatabase.Value ? null : $"'{value}' is not an IANA time zone such as Europe/Amsterdam or UTC";
    }

    private static readonly Lazy<bool> HasTimeZoneDatabase = new(() => TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out _));

    [GeneratedRegex("^(UTC|[A-Z][A-Za-z_+-]*(/[A-Za-z0-9_+-]+){1,2})$")]
    private static partial Regex IanaPattern();
}
