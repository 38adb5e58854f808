using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Planning.Snapshots;

/// <summary>Reads and writes a strong name type (<c>NodeName</c>, <c>ServiceName</c>) as a plain JSON string.</summary>
internal sealed class NameJsonConverter<T>(Func<string, T> create, Func<T, string> text) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } name
            ? create(name)
            : throw new JsonException("expected a non-empty string");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(text(value));
}
