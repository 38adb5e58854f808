namespace Zentoria.Reconciler.DesiredState.Validation;

internal static class CommandTemplates
{
    /// <summary>Checks one argument: braces balanced, every <c>{name}</c> a known placeholder.</summary>
    public static string? CheckArgument(string argument)
    {
        var position = 0;
        while (position < argument.Length)
        {
            var open = argument.IndexOf('{', position);
            var close = argument.IndexOf('}', position);
            if (open < 0 && close < 0)
            {
                return null;
            }

            if (open < 0 || (close >= 0 && close < open))
            {
                return $"'{argument}' has a '}}' without a matching '{{'";
            }

            var end = argument.IndexOf('}', open + 1);
            var nextOpen = argument.IndexOf('{', open + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end))
            {
                return $"'{argument}' has a '{{' without a matching '}}'";
            }

            var name = argument[(open + 1)..end];
            if (!CommandTemplate.KnownPlaceholders.Contains(name))
            {
                var known = string.Join(", ", CommandTemplate.KnownPlaceholders.Select(p => "{" + p + "}"));
                return Suggestions.Closest(name, CommandTemplate.KnownPlaceholders) is { } best
                    ? $"unknown placeholder '{{{name}}}'; did you mean '{{{best}}}'?"
                    : $"unknown placeholder '{{{name}}}'; known placeholders are {known}";
            }

            position = end + 1;
        }

        return null;
    }
}
