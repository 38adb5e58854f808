using System.Globalization;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Reads the size out of a <c>rootfs</c> property string such as <c>local-lvm:vm-441-disk-0,size=16G</c>.</summary>
internal static class RootFs
{
    public const long GiB = 1L << 30;

    public static long? SizeBytes(string? rootfs)
    {
        var size = (rootfs ?? "").Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("size=", StringComparison.Ordinal))?[5..];
        if (string.IsNullOrEmpty(size))
        {
            return null;
        }

        var unit = char.ToUpperInvariant(size[^1]);
        var multiplier = unit switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => GiB, 'T' => 1L << 40, _ => 1L };
        var number = char.IsDigit(size[^1]) ? size : size[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (long)(value * multiplier) : null;
    }

    /// <summary>Whole GiB, rounded down: a disk a fraction short of the desired size still counts as short and grows.</summary>
    public static int WholeGiB(string? rootfs) => SizeBytes(rootfs) is { } bytes ? (int)(bytes / GiB) : 0;
}
