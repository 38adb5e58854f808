using System.Globalization;

namespace Zentoria.Reconciler.Cli;

/// <summary>Reads durations as people type them: <c>500ms</c>, <c>90s</c>, <c>5m</c>, <c>1h</c>.</summary>
internal static class Durations
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        var units = new (string Suffix, Func<double, TimeSpan> Make)[] { ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours) };
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                duration = make(value);
                return true;
            }
        }

        duration = TimeSpan.Zero;
        return false;
    }
}
