using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Reads an item of <c>GET .../pending</c> field by field. Every pass reads one list of these per managed container,
/// and the generated contract, with a lenient converter per property, cost more than the rest of the answer's parse.
/// </summary>
internal sealed class PendingConfigValueJsonConverter : JsonConverter<PendingConfigValue>
{
    public override PendingConfigValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A pending config item must be a JSON object, not {reader.TokenType}.");
        }

        var (key, value, pending, delete) = ("", (string?)null, (string?)null, 0);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("key"u8) ? Field.Key
                : reader.ValueTextEquals("value"u8) ? Field.Value
                : reader.ValueTextEquals("pending"u8) ? Field.Pending
                : reader.ValueTextEquals("delete"u8) ? Field.Delete
                : Field.Other;
            reader.Read();
            switch (field)
            {
                case Field.Key:
                    key = ConfigValueText.Read(ref reader) ?? "";
                    break;
                case Field.Value:
                    value = ConfigValueText.Read(ref reader);
                    break;
                case Field.Pending:
                    pending = ConfigValueText.Read(ref reader);
                    break;
                case Field.Delete:
                    delete = checked((int)LenientNumber.ReadInt64(ref reader));
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new PendingConfigValue { Key = key, Value = value, Pending = pending, Delete = delete };
    }

    // The client only reads these; nothing it sends or stores is a pending item.
    public override void Write(Utf8JsonWriter writer, PendingConfigValue value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A pending config item is read from Proxmox, never written.");

    private enum Field
    {
        Other,
        Key,
        Value,
        Pending,
        Delete,
    }
}
