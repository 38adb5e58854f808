using System.Globalization;
using System.Text;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Ordered request parameters, encoded as Proxmox expects: booleans as <c>1</c>/<c>0</c> (it refuses
/// <c>true</c>), in the query for GET/DELETE and as a form body for POST/PUT.
/// </summary>
internal sealed class FormParameters
{
    private readonly List<KeyValuePair<string, string>> values = [];

    public int Count => values.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Values => values;

    public FormParameters Add(string name, string? value)
    {
        if (value is not null)
        {
            values.Add(new(name, value));
        }

        return this;
    }

    public FormParameters Add(string name, bool? value) => value is null ? this : Add(name, value.Value ? "1" : "0");

    public FormParameters Add(string name, long? value) => value is null ? this : Add(name, value.Value.ToString(CultureInfo.InvariantCulture));

    public FormParameters Add(string name, double? value) => value is null ? this : Add(name, value.Value.ToString("0.###", CultureInfo.InvariantCulture));

    public string ToQueryString()
    {
        if (values.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("?");
        foreach (var (name, value) in values)
        {
            if (builder.Length > 1)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    public HttpContent ToContent() => new FormUrlEncodedContent(values);

    /// <summary>Names only: parameter values may be secrets (passwords, keys) and are never printed.</summary>
    public override string ToString() => string.Join(',', values.Select(v => v.Key));
}
