using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

internal sealed class SecretStringJsonConverter : JsonConverter<SecretString>
{
    public override SecretString? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } value ? new SecretString(value) : null;

    public override void Write(Utf8JsonWriter writer, SecretString value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Secrets are never serialized.");
}
