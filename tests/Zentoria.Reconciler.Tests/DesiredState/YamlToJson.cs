using System.Globalization;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>YAML documents as the JSON a schema validator sees, with YAML 1.2 core-schema scalars (as editors read them).</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        MappingNode mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Name, Convert(e.Value)))),
        SequenceNode sequence => new JsonArray([.. sequence.Items.Select(Convert)]),
        ScalarNode scalar => Scalar(scalar),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    private static JsonValue? Scalar(ScalarNode scalar) => scalar.Type switch
    {
        ScalarType.Null => null,
        ScalarType.Boolean => JsonValue.Create(scalar.TryGetBoolean(out var b) && b),
        ScalarType.Integer when scalar.TryGetInteger(out var l) => JsonValue.Create(l),
        ScalarType.Float when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) =>
            JsonValue.Create(d),
        _ => JsonValue.Create(scalar.Value),
    };
}
