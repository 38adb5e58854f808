using System.Globalization;
using System.Text;

namespace Zentoria.Reconciler.Analysis;

/// <summary>
/// Fills a PromQL template's placeholders, as Flagger's metric templates do: <c>{{service}}</c> and
/// <c>{{canary}}</c> only inside double-quoted label values, where they are escaped as PromQL strings (and, after
/// <c>=~</c> or <c>!~</c>, as RE2 literals too), and <c>{{interval}}</c> only outside strings, as a duration. A
/// value can therefore never end its string, add a matcher or change the query.
/// </summary>
internal static class PromQlTemplate
{
    public static readonly IReadOnlyList<string> Placeholders = ["service", "canary", "interval"];

    private const string RegexSpecials = @"\.+*?()|[]{}^$";

    /// <summary>Null when <paramref name="template"/> renders; otherwise why not.</summary>
    public static string? Check(string template) => Render(template, new PromQlValues("service", "127.0.0.1:1", TimeSpan.FromMinutes(1))).Error;

    public static PromQlRendering Render(string template, PromQlValues values)
    {
        if (values.Interval < TimeSpan.FromMilliseconds(1))
        {
            return PromQlRendering.Failure("the query window must be at least 1 ms");
        }

        var output = new StringBuilder(template.Length + 32);
        char? quote = null;
        var quoteStart = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                var close = template.IndexOf("}}", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    return PromQlRendering.Failure($"'{{{{' at {i} has no closing '}}}}'");
                }

                var name = template[(i + 2)..close].Trim();
                if (Fill(name, quote, IsRegexMatcher(template, quoteStart), values) is not { } filled)
                {
                    return PromQlRendering.Failure(Misplaced(name));
                }

                output.Append(filled);
                i = close + 1;
                continue;
            }

            output.Append(c);
            if (quote is null && c is '"' or '\'' or '`')
            {
                (quote, quoteStart) = (c, i);
            }
            else if (quote is not null && c == '\\' && quote != '`' && i + 1 < template.Length)
            {
                output.Append(template[++i]);
            }
            else if (c == quote)
            {
                quote = null;
            }
        }

        return quote is null ? PromQlRendering.Success(output.ToString()) : PromQlRendering.Failure($"the string opened at {quoteStart} is not closed");
    }

    /// <summary>A PromQL duration: <c>90s</c>, <c>1m</c>, <c>2h</c>, <c>250ms</c>.</summary>
    public static string Duration(TimeSpan interval)
    {
        var milliseconds = (long)interval.TotalMilliseconds;
        return milliseconds % 3_600_000 == 0 ? $"{(milliseconds / 3_600_000).ToString(CultureInfo.InvariantCulture)}h"
            : milliseconds % 60_000 == 0 ? $"{(milliseconds / 60_000).ToString(CultureInfo.InvariantCulture)}m"
            : milliseconds % 1000 == 0 ? $"{(milliseconds / 1000).ToString(CultureInfo.InvariantCulture)}s"
            : $"{milliseconds.ToString(CultureInfo.InvariantCulture)}ms";
    }

    private static string? Fill(string name, char? quote, bool regex, PromQlValues values) => (name, quote) switch
    {
        ("service", '"') => Escape(values.Service, regex),
        ("canary", '"') => Escape(values.Canary, regex),
        ("interval", null) => Duration(values.Interval),
        _ => null,
    };

    private static string Misplaced(string name) => name switch
    {
        "service" or "canary" => $"{{{{{name}}}}} must stand inside a double-quoted label value, such as instance=\"{{{{{name}}}}}\"",
        "interval" => "{{interval}} must stand outside strings, as a range: [{{interval}}]",
        _ => $"unknown placeholder '{{{{{name}}}}}'; the placeholders are {string.Join(", ", Placeholders.Select(p => "{{" + p + "}}"))}",
    };

    // The matcher operator just before the opening quote decides whether the value is read as a regular expression.
    private static bool IsRegexMatcher(string template, int quoteStart)
    {
        var before = template[..quoteStart].TrimEnd();
        return before.EndsWith("=~", StringComparison.Ordinal) || before.EndsWith("!~", StringComparison.Ordinal);
    }

    private static string Escape(string value, bool regex)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (regex && RegexSpecials.Contains(c, StringComparison.Ordinal))
            {
                // RE2 sees "\." only if the PromQL string holds "\\.".
                builder.Append(@"\\");
            }

            builder.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
