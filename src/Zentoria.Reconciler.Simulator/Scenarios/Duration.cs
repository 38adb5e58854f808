using System.Globalization;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Simulator.Scenarios;

/// <summary>Durations in scenario files and on the command line: <c>250ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c>.</summary>
internal static partial class Duration
{
    public static TimeSpan Parse(string text, string what)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new SimulatorConfigurationException($"{what}: '{text}' is not a duration such as 250ms, 2s, 1m or 1h");
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            _ => TimeSpan.FromHours(value),
        };
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|h)$")]
    private static partial Regex Pattern();
}
