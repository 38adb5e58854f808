using System.Text.Json;
using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

internal sealed class NodeNameJsonConverter : JsonConverter<NodeName>
{
    public override NodeName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A node name cannot be null."));

    public override void Write(Utf8JsonWriter writer, NodeName value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
