namespace Zentoria.Reconciler.Simulator.State;

/// <summary>
/// Normalises a <c>net[n]</c> value the way PVE writes it: <c>name</c> first, the other keys alphabetically,
/// <c>type=veth</c>, and a fresh <c>hwaddr</c> when the client did not send one.
/// </summary>
internal static class NetworkInterface
{
    private static readonly HashSet<string> AllowedKeys = new(StringComparer.Ordinal)
    {
        "name", "bridge", "hwaddr", "ip", "gw", "ip6", "gw6", "firewall", "tag", "trunks", "rate", "mtu", "link_down", "host-managed", "type",
    };

    public static string Normalize(string value, Func<string> newMacAddress)
    {
        var parsed = PropertyString.Parse(value, allowLeading: false);
        var unknown = parsed.Pairs.FirstOrDefault(p => !AllowedKeys.Contains(p.Key));
        if (unknown.Key is not null)
        {
            throw new FormatException($"invalid format - format error\n{unknown.Key}: property is not defined in schema and the schema does not allow additional properties\n");
        }

        var name = parsed.Get("name") ?? throw new FormatException("invalid format - format error\nname: property is missing and it is not optional\n");
        var others = parsed.Pairs.Where(p => p.Key != "name").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        others["hwaddr"] = others.TryGetValue("hwaddr", out var mac) ? mac.ToUpperInvariant() : newMacAddress();
        others["type"] = "veth";
        return string.Join(',', others.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value).Prepend("name=" + name));
    }
}
