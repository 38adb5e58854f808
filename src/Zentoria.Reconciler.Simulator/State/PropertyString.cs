namespace Zentoria.Reconciler.Simulator.State;

/// <summary>
/// A PVE property string (<c>name=eth0,bridge=vmbr0</c>, or <c>local-lvm:8,mp=/data</c> with a leading
/// unnamed value). Keeps the order it was given in.
/// </summary>
internal sealed class PropertyString
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    private PropertyString(string? leading) => Leading = leading;

    /// <summary>The unnamed first value (a volume), if the string starts with one.</summary>
    public string? Leading { get; set; }

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public static PropertyString Parse(string text, bool allowLeading)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new PropertyString(null);
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (i == 0 && allowLeading)
                {
                    result.Leading = parts[i];
                    continue;
                }

                throw new FormatException($"value without key '{parts[i]}'");
            }

            result.Set(parts[i][..equals], parts[i][(equals + 1)..]);
        }

        return result;
    }

    public string? Get(string key) => _pairs.FirstOrDefault(p => p.Key == key).Value;

    public void Set(string key, string value)
    {
        var index = _pairs.FindIndex(p => p.Key == key);
        if (index >= 0)
        {
            _pairs[index] = new(key, value);
        }
        else
        {
            _pairs.Add(new(key, value));
        }
    }

    public override string ToString()
    {
        var items = _pairs.Select(p => p.Key + "=" + p.Value);
        return string.Join(',', Leading is null ? items : items.Prepend(Leading));
    }
}
