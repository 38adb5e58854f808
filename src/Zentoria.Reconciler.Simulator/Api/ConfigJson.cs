using System.Globalization;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Config values on the wire: 0/1 and integers as JSON numbers, <c>cpulimit</c> and the rest as strings.</summary>
internal static class ConfigJson
{
    public static JsonObject From(IReadOnlyDictionary<string, string> config)
    {
        var json = new JsonObject();
        foreach (var (key, value) in config)
        {
            json[key] = Value(key, value);
        }

        return json;
    }

    public static JsonNode Value(string key, string value) => ConfigSchema.KindOf(key) switch
    {
        ConfigKeyKind.Integer or ConfigKeyKind.Boolean when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ when key == "description" => ConfigFile.DescriptionForWire(value),
        _ => value,
    };
}
