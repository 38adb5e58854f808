using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A config value as text, whatever its wire type: Proxmox keeps config values as text, but the JSON type of a key
/// varies by key and release.
/// </summary>
internal static class ConfigValueText
{
    /// <summary>Strings as they are, numbers as their digits, booleans as 1/0, null as null, anything else as raw JSON.</summary>
    public static string? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            case JsonTokenType.True:
                return "1";
            case JsonTokenType.False:
                return "0";
            case JsonTokenType.Null:
                return null;
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }
}
