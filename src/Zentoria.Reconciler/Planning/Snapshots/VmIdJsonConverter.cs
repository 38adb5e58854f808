using System.Text.Json;
using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning.Snapshots;

internal sealed class VmIdJsonConverter : JsonConverter<VmId>
{
    public override VmId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? new VmId(value)
            : throw new JsonException("expected a VMID, a whole number such as 441");

    public override void Write(Utf8JsonWriter writer, VmId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
