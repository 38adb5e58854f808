using System.Globalization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A <c>rootfs</c> or <c>mp[n]</c> value: <c>local-lvm:vm-101-disk-0,size=8G</c> or
/// <c>local-zfs:subvol-101-disk-0,mp=/data,size=16G</c>. A volume without a storage prefix is a bind mount.
/// </summary>
internal sealed record ContainerVolume
{
    private ContainerVolume(string volume, IReadOnlyDictionary<string, string> options)
    {
        Volume = volume;
        Options = options;
    }

    /// <summary>The volume id, <c>local-lvm:vm-101-disk-0</c>, or a host path for a bind mount.</summary>
    public string Volume { get; }

    /// <summary>Everything after the volume, such as <c>size</c>, <c>mp</c>, <c>backup</c>, <c>acl</c>.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>The storage part of the volume id, or null for a bind mount.</summary>
    public string? Storage => Volume.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? Volume[..colon] : null;

    /// <summary><c>size</c> in bytes, or null when absent or unreadable.</summary>
    public long? SizeBytes => Options.TryGetValue("size", out var size) ? ParseSize(size) : null;

    /// <summary>The mount path of an <c>mp[n]</c>.</summary>
    public string? MountPath => Options.TryGetValue("mp", out var path) ? path : null;

    public static ContainerVolume Parse(string text)
    {
        var items = PropertyString.Parse(text, "volume");
        var volume = items.FirstOrDefault(i => i.Key == "volume").Value
            ?? throw new FormatException("A Proxmox volume string must start with the volume id.");
        return new ContainerVolume(volume, items.Where(i => i.Key != "volume").ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));
    }

    /// <summary>Reads <c>8G</c>, <c>512M</c>, <c>1.5T</c>, <c>100K</c> or a plain byte count.</summary>
    public static long? ParseSize(string text)
    {
        var unit = text.Length > 0 ? char.ToUpperInvariant(text[^1]) : ' ';
        var factor = unit switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, 'T' => 1L << 40, _ => 1L };
        var number = factor == 1 ? text : text[..^1];
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? (long)Math.Round(value * factor)
            : null;
    }
}
