using System.Globalization;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// <c>GET /nodes/{node}/lxc/{vmid}/config</c>: every key as Proxmox sent it (numbers as their text), plus typed
/// views of the keys the operator reads. Unless read with <c>current=1</c>, pending values are merged in.
/// </summary>
[JsonConverter(typeof(ContainerConfigJsonConverter))]
internal sealed record ContainerConfig(IReadOnlyDictionary<string, string> Values, IReadOnlyList<KeyValuePair<string, string>> RawLxc)
{
    /// <summary>SHA-1 of the whole config file; send it back with a write to detect concurrent changes.</summary>
    public string? Digest => Get("digest");

    public string? Hostname => Get("hostname");

    /// <summary>Free text, with the trailing newline Proxmox keeps.</summary>
    public string? Description => Get("description");

    public int? Cores => GetInt("cores");

    /// <summary>MiB.</summary>
    public int? MemoryMiB => GetInt("memory");

    /// <summary>MiB.</summary>
    public int? SwapMiB => GetInt("swap");

    /// <summary>Proxmox keeps <c>cpulimit</c> as text (<c>"1.5"</c>).</summary>
    public double? CpuLimit => double.TryParse(Get("cpulimit"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool OnBoot => GetBool("onboot");

    public bool Unprivileged => GetBool("unprivileged");

    public bool Protection => GetBool("protection");

    public bool Template => GetBool("template");

    /// <summary>The root volume, such as <c>local-lvm:vm-101-disk-0,size=8G</c>.</summary>
    public string? RootFs => Get("rootfs");

    public string? Lock => Get("lock") is { Length: > 0 } value ? value : null;

    /// <summary>The newest snapshot's name.</summary>
    public string? Parent => Get("parent");

    public IReadOnlyList<string> Tags => ProxmoxTags.Parse(Get("tags"));

    /// <summary><c>net0</c>.. as property strings, keyed by interface index.</summary>
    public IReadOnlyDictionary<int, string> Networks => Indexed("net");

    /// <summary><c>net0</c>.. parsed, keyed by interface index; rewrite them with <see cref="ContainerNetwork.With"/> to keep the MAC.</summary>
    public IReadOnlyDictionary<int, ContainerNetwork> ParsedNetworks => Networks.ToDictionary(n => n.Key, n => ContainerNetwork.Parse(n.Value));

    /// <summary>The root volume parsed (storage, size), or null when the config has none.</summary>
    public ContainerVolume? RootVolume => RootFs is { } rootfs ? ContainerVolume.Parse(rootfs) : null;

    /// <summary><c>mp0</c>.. as property strings, keyed by mount point index.</summary>
    public IReadOnlyDictionary<int, string> MountPoints => Indexed("mp");

    public string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;

    private int? GetInt(string key) => int.TryParse(Get(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private bool GetBool(string key) => Get(key) is "1" or "true";

    private SortedDictionary<int, string> Indexed(string prefix)
    {
        var result = new SortedDictionary<int, string>();
        foreach (var (key, value) in Values)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                result[index] = value;
            }
        }

        return result;
    }
}
