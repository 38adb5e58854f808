namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A <c>net[n]</c> value. Proxmox gives an interface a new random MAC whenever <c>net[n]</c> is written without
/// <c>hwaddr</c> (reference 4.2), so build the new value with <see cref="With"/> on the live one: every key the
/// change does not name, <c>hwaddr</c> included, is carried over.
/// </summary>
internal sealed record ContainerNetwork
{
    private ContainerNetwork(IReadOnlyDictionary<string, string> values) => Values = values;

    /// <summary>Every key as written, such as <c>name</c>, <c>bridge</c>, <c>hwaddr</c>, <c>ip</c>, <c>gw</c>, <c>firewall</c>, <c>tag</c>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public string? Name => Get("name");

    public string? Bridge => Get("bridge");

    public string? HardwareAddress => Get("hwaddr");

    /// <summary><c>CIDR</c>, <c>dhcp</c> or <c>manual</c>.</summary>
    public string? Ip => Get("ip");

    public string? Gateway => Get("gw");

    public static ContainerNetwork Parse(string text) =>
        new(PropertyString.Parse(text).ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));

    /// <summary>This interface with <paramref name="changes"/> applied; a null value removes the key.</summary>
    public ContainerNetwork With(IReadOnlyDictionary<string, string?> changes)
    {
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        return new ContainerNetwork(values);
    }

    /// <summary>The value to send, keys in the order Proxmox writes them: <c>name</c> first, then alphabetical.</summary>
    public string ToPropertyString() => PropertyString.Format(Values, "name");

    public override string ToString() => ToPropertyString();

    private string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;
}
