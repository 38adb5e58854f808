using System.Text.RegularExpressions;
using Zentoria.Reconciler.Tests.DesiredState;

namespace Zentoria.Reconciler.Tests.Guests.Flags;

/// <summary>The test vectors and the TypeScript snippet of <c>docs/flag-bucketing.md</c>.</summary>
internal static partial class BucketingDocument
{
    public static string Text => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "flag-bucketing.md"));

    public static IReadOnlyList<(string Flag, string UserId, int Bucket)> Vectors() =>
        [.. VectorRow().Matches(Text).Select(match => (match.Groups["flag"].Value, match.Groups["user"].Value, int.Parse(match.Groups["bucket"].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>The snippet as plain JavaScript: imports turned into require, type annotations and exports removed.</summary>
    public static string SnippetAsJavaScript()
    {
        var snippet = Snippet().Match(Text).Groups["code"].Value;
        var script = snippet
            .Replace("import { createHash } from \"node:crypto\";", "const { createHash } = require(\"node:crypto\");", StringComparison.Ordinal)
            .Replace("export ", "", StringComparison.Ordinal);
        return TypeAnnotation().Replace(script, "");
    }

    [GeneratedRegex(@"^\| `(?<flag>[^`]*)` \| `(?<user>[^`]*)`(?: \(empty\))? \| (?<bucket>\d+) \|$", RegexOptions.Multiline)]
    private static partial Regex VectorRow();

    [GeneratedRegex(@"```ts\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Snippet();

    [GeneratedRegex(@"(?<=[\w)]): (?:string|number|boolean)")]
    private static partial Regex TypeAnnotation();
}
