using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Tags travel as one string; PVE writes <c>;</c> but hand-edited configs may use <c>,</c> or spaces.</summary>
internal sealed class TagListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? ProxmoxTags.Parse(reader.GetString()) : [];

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(string.Join(';', value));
}
