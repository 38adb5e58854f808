using System.Globalization;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>Disk sizes as PVE writes them: a number with an optional K/M/G/T suffix, printed in the largest whole unit.</summary>
internal static partial class DiskSize
{
    private static readonly (char Unit, long Bytes)[] Units =
    [
        ('T', 1L << 40),
        ('G', 1L << 30),
        ('M', 1L << 20),
        ('K', 1L << 10),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value;
        var factor = unit.Length == 0 ? 1L : Units.First(u => u.Unit == char.ToUpperInvariant(unit[0])).Bytes;
        bytes = (long)Math.Round(number * factor);
        return true;
    }

    public static string Format(long bytes)
    {
        foreach (var (unit, size) in Units)
        {
            if (bytes >= size && bytes % size == 0)
            {
                return (bytes / size).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)([KMGTkmgt]?)$")]
    private static partial Regex SizePattern();
}
