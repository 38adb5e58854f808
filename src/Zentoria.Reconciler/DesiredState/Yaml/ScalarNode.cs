using System.Globalization;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <param name="Quoted">Written in quotes or as a block scalar, or tagged <c>!!str</c>: always a string.</param>
internal sealed partial record ScalarNode(string Value, bool Quoted, SourceLocation Location) : YamlNode(Location)
{
    public ScalarType Type => Quoted ? ScalarType.String : Resolve(Value);

    public bool IsNull => Type == ScalarType.Null;

    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Type == ScalarType.Integer &&
               long.TryParse(Value.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool TryGetBoolean(out bool value)
    {
        value = Type == ScalarType.Boolean && Value is "true" or "True" or "TRUE";
        return Type == ScalarType.Boolean;
    }

    public override string Describe() => Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Boolean => $"the boolean {Value}",
        ScalarType.Integer or ScalarType.Float => $"the number {Value}",
        _ => $"the string \"{Value}\"",
    };

    public static ScalarType Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarType.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarType.Boolean,
        _ when IntegerPattern().IsMatch(plain) => ScalarType.Integer,
        _ when FloatPattern().IsMatch(plain) => ScalarType.Float,
        _ => ScalarType.String,
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
