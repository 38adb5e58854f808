using System.Text;
using System.Text.Json;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// The body of an error answer: <c>{"data":null,"message":"...","errors":{...}}</c> from a handler, plain text
/// from the HTTP layer since libpve-http-server-perl 5.2.0, or nothing (401, 595/596, older servers).
/// </summary>
internal sealed record ProxmoxErrorBody(string? Message, IReadOnlyDictionary<string, string>? Errors)
{
    public static async Task<ProxmoxErrorBody> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadBoundedAsync(content, maxBytes, cancellationToken);
        if (bytes.Length == 0)
        {
            return new ProxmoxErrorBody(null, null);
        }

        if (bytes[0] == (byte)'{')
        {
            try
            {
                return FromJson(bytes);
            }
            catch (JsonException)
            {
                // Not the JSON envelope after all (or cut at maxBytes); fall through to plain text.
            }
        }

        return new ProxmoxErrorBody(Encoding.UTF8.GetString(bytes), null);
    }

    private static ProxmoxErrorBody FromJson(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        string? message = null;
        Dictionary<string, string>? errors = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String)
            {
                message = text.GetString();
            }

            if (root.TryGetProperty("errors", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                errors = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in map.EnumerateObject())
                {
                    errors[property.Name] = ProxmoxErrorText.Normalize(
                        property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText());
                }
            }
        }

        return new ProxmoxErrorBody(message, errors);
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[maxBytes];
        var total = 0;
        try
        {
            await using var stream = await ResponseBody.OpenAsync(content, cancellationToken);
            int read;
            while (total < maxBytes && (read = await stream.ReadAsync(buffer.AsMemory(total, maxBytes - total), cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // An error body that cannot be decoded: the status line alone still says what failed.
            return [];
        }

        return buffer.AsSpan(0, total).ToArray();
    }
}
