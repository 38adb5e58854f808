using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Proxmox booleans are <c>0</c>/<c>1</c>, sometimes <c>"1"</c>, and were <c>""</c> for "not set" before PVE 7.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.GetDouble() != 0;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                return text switch
                {
                    null or "" or "0" => false,
                    "1" => true,
                    _ when bool.TryParse(text, out var value) => value,
                    _ when text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase) => true,
                    _ => false,
                };
            default:
                throw new JsonException($"Expected a boolean, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteNumberValue(value ? 1 : 0);
}
