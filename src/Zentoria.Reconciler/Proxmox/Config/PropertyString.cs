namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Proxmox's <c>key=value,key=value</c> strings (<c>net0</c>, <c>rootfs</c>, <c>mp0</c>, <c>features</c>). A
/// leading item without <c>=</c> is the default key's value, as the volume in <c>local-lvm:vm-101-disk-0,size=8G</c>.
/// </summary>
internal static class PropertyString
{
    /// <summary>The items in their written order; the default item's key is <paramref name="defaultKey"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? text, string? defaultKey = null)
    {
        var items = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return items;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                items.Add(new(part[..equals], part[(equals + 1)..]));
            }
            else if (items.Count == 0 && defaultKey is not null)
            {
                items.Add(new(defaultKey, part));
            }
            else
            {
                throw new FormatException($"'{part}' in a Proxmox property string has no '='.");
            }
        }

        return items;
    }

    /// <summary>Writes items as Proxmox does: <paramref name="firstKey"/> first, the rest sorted by key.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> items, string firstKey, bool firstKeyBare = false)
    {
        var list = items.ToList();
        var first = list.Where(i => i.Key == firstKey).Select(i => firstKeyBare ? i.Value : $"{i.Key}={i.Value}");
        var rest = list.Where(i => i.Key != firstKey).OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => $"{i.Key}={i.Value}");
        return string.Join(',', first.Concat(rest));
    }
}
