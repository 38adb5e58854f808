using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

internal sealed class UpidJsonConverter : JsonConverter<Upid>
{
    public override Upid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Upid.TryParse(text, out var upid) ? upid : throw new JsonException("The response did not carry a valid UPID.");
    }

    public override void Write(Utf8JsonWriter writer, Upid value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
