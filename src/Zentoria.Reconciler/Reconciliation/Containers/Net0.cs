using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>A container's <c>net0</c> property string (<c>name=eth0,bridge=vmbr0,hwaddr=..,ip=..,gw=..</c>), read and rewritten.</summary>
internal static class Net0
{
    public static List<KeyValuePair<string, string>> Parse(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => new KeyValuePair<string, string>(pair[0], pair.Length > 1 ? pair[1] : ""))];

    public static LiveNetwork? ToLive(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var values = Parse(text).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new LiveNetwork(values.GetValueOrDefault("ip") ?? "", values.GetValueOrDefault("gw"), values.GetValueOrDefault("bridge") ?? "", values.GetValueOrDefault("hwaddr"));
    }

    public static bool Matches(string? text, ContainerNetwork desired) =>
        ToLive(text) is { } live && live.Ip == desired.Ip && live.Gateway == desired.Gateway && live.Bridge == desired.Bridge;

    /// <summary>
    /// The desired address, gateway and bridge written over the existing string. Every other key stays, above all
    /// <c>hwaddr</c>: without it Proxmox would invent a new MAC and the guest would lose its DHCP lease and ARP entries.
    /// </summary>
    public static string With(string? existing, ContainerNetwork desired)
    {
        var parts = Parse(existing);
        if (parts.Count == 0)
        {
            parts.Add(new("name", "eth0"));
        }

        Set(parts, "bridge", desired.Bridge);
        Set(parts, "ip", desired.Ip);
        Set(parts, "gw", desired.Gateway);
        return string.Join(',', parts.Select(p => $"{p.Key}={p.Value}"));
    }

    private static void Set(List<KeyValuePair<string, string>> parts, string key, string? value)
    {
        var index = parts.FindIndex(p => p.Key == key);
        if (value is null)
        {
            if (index >= 0)
            {
                parts.RemoveAt(index);
            }
        }
        else if (index >= 0)
        {
            parts[index] = new(key, value);
        }
        else
        {
            parts.Add(new(key, value));
        }
    }
}
