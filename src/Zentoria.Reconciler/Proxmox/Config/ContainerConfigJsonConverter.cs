using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Reads a config object key by key without a DOM: strings as they are, numbers and booleans as their text
/// (Proxmox keeps config values as text; the wire types vary by key and release), <c>lxc</c> as its pairs,
/// anything else as raw JSON.
/// </summary>
internal sealed class ContainerConfigJsonConverter : JsonConverter<ContainerConfig>
{
    public override ContainerConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A container config must be a JSON object.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lxc = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (key == "lxc" && reader.TokenType == JsonTokenType.StartArray)
            {
                ReadPairs(ref reader, lxc);
                continue;
            }

            var value = ConfigValueText.Read(ref reader);
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return new ContainerConfig(values, lxc);
    }

    public override void Write(Utf8JsonWriter writer, ContainerConfig value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value.Values)
        {
            writer.WriteString(key, text);
        }

        writer.WriteEndObject();
    }

    private static void ReadPairs(ref Utf8JsonReader reader, List<KeyValuePair<string, string>> pairs)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var key = ConfigValueText.Read(ref reader) ?? "";
            reader.Read();
            var value = ConfigValueText.Read(ref reader) ?? "";
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
            }

            pairs.Add(new(key, value));
        }
    }
}
