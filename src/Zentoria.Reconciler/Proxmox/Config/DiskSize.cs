using System.Globalization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Formats a byte count the way <c>PUT .../resize</c> reads it: the largest whole unit, <c>2G</c>, <c>512M</c>.</summary>
internal static class DiskSize
{
    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ReadOnlySpan<(long Factor, string Unit)> units = [(1L << 40, "T"), (1L << 30, "G"), (1L << 20, "M"), (1L << 10, "K")];
        foreach (var (factor, unit) in units)
        {
            if (bytes % factor == 0)
            {
                return (bytes / factor).ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return bytes.ToString(CultureInfo.InvariantCulture);
    }
}
