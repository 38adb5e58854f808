using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>Turns one node into a string or an integer, or explains why it cannot be one.</summary>
internal static class ScalarReading
{
    public static string? String(YamlNode node, string path, ErrorList errors, Func<string, string?>? check)
    {
        if (node is not ScalarNode scalar || scalar.IsNull)
        {
            errors.Add(node.Location, path, $"expected a string, found {node.Describe()}");
            return null;
        }

        if (scalar.Type != ScalarType.String)
        {
            // JSON Schema tools read `version: 1.0` as a number too; say how to make it text.
            errors.Add(node.Location, path, $"expected a string, found {node.Describe()}; put it in quotes");
            return null;
        }

        if (check?.Invoke(scalar.Value) is { } problem)
        {
            errors.Add(node.Location, path, problem);
            return null;
        }

        return scalar.Value;
    }

    public static int? Integer(YamlNode node, string path, ErrorList errors, int min, int max, string unit)
    {
        if (node is not ScalarNode scalar || scalar.Type != ScalarType.Integer)
        {
            var hint = node is ScalarNode { Quoted: true } quoted && ScalarNode.Resolve(quoted.Value) == ScalarType.Integer
                ? "; remove the quotes"
                : "";
            errors.Add(node.Location, path, $"expected an integer, found {node.Describe()}{hint}");
            return null;
        }

        var suffix = unit.Length > 0 ? " " + unit : "";
        if (!scalar.TryGetInteger(out var value) || value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {min}{suffix}" : $"between {min} and {max}{suffix}";
            errors.Add(node.Location, path, $"must be {range}, not {scalar.Value}");
            return null;
        }

        return (int)value;
    }
}
