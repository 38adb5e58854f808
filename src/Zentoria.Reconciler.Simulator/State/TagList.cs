using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Simulator.State;

/// <summary>Tag normalisation since PVE 7.3: split on <c>;</c>, <c>,</c> or spaces, lower-case, de-duplicate, sort, join with <c>;</c>.</summary>
internal static partial class TagList
{
    public static string Normalize(string text)
    {
        var tags = text.Split([';', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var tag in tags)
        {
            if (!TagPattern().IsMatch(tag))
            {
                throw new FormatException($"invalid format - invalid tag '{tag}'\n");
            }
        }

        return string.Join(';', tags);
    }

    [GeneratedRegex(@"^[a-z0-9_][a-z0-9_\-+.]*$")]
    private static partial Regex TagPattern();
}
