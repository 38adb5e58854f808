using System.Text.Json;
using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>A vmid arrives as a number, or as a string in node lists before PVE 8.2 and from <c>/cluster/nextid</c>.</summary>
internal sealed class VmIdJsonConverter : JsonConverter<VmId>
{
    public override VmId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(checked((int)LenientNumber.ReadInt64(ref reader)));

    public override void Write(Utf8JsonWriter writer, VmId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
