using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Tests.Guests.Commands;

/// <summary>
/// Values that would run a command, split into several arguments or change meaning if they reached a shell
/// unquoted. <c>CANARY</c> stands for a file path that an injected <c>touch</c> would create.
/// </summary>
internal static class InjectionCorpus
{
    public const string CanaryToken = "CANARY";

    public static readonly ImmutableArray<(string Name, string Value)> Entries =
    [
        ("semicolon", "; touch CANARY"),
        ("and", "&& touch CANARY"),
        ("or", "|| touch CANARY"),
        ("pipe", "| touch CANARY"),
        ("background", "& touch CANARY &"),
        ("command substitution", "$(touch CANARY)"),
        ("backticks", "`touch CANARY`"),
        ("arithmetic", "$((1+1))"),
        ("variable", "$HOME"),
        ("IFS splitting", "${IFS}touch${IFS}CANARY"),
        ("newline", "\ntouch CANARY\n"),
        ("newline only", "\n"),
        ("carriage return", "\rtouch CANARY"),
        ("CRLF", "x\r\ntouch CANARY\r\n"),
        ("tabs", "\ttouch\tCANARY\t"),
        ("spaces", "a b  c   "),
        ("empty", ""),
        ("single quote", "'"),
        ("single quote breakout", "'; touch CANARY; '"),
        ("quote escape breakout", "'\\''; touch CANARY; echo '"),
        ("many single quotes", "''''''"),
        ("double quote", "\""),
        ("double quote breakout", "\"; touch CANARY; \""),
        ("backslash quote", "\\'; touch CANARY; \\'"),
        ("backslashes", "a\\b\\\\c\\"),
        ("trailing backslash", "touch CANARY \\"),
        ("glob star", "*"),
        ("glob root", "/*"),
        ("glob question", "/?in"),
        ("brackets", "[a-z]*"),
        ("tilde", "~"),
        ("tilde user", "~root/x"),
        ("comment", "# touch CANARY"),
        ("redirect out", "> CANARY"),
        ("redirect in", "< /etc/passwd"),
        ("here string", "<<< touch"),
        ("history", "!touch"),
        ("brace expansion", "{a,b}"),
        ("placeholder lookalike", "{version}"),
        ("ansi-c quoting", "$'\\x41'"),
        ("option lookalike", "-n"),
        ("format directives", "%s%n%d%%"),
        ("mixed", "a'b\"c`d$e\\f;g|h&i"),
        ("unicode", "ünïcødé ✓ 日本語 🎉 \u202Ertl\u202C \u00A0nbsp"),
    ];

    // Built after the canary is known, so that they are exactly this long: a shell takes at most 128 KiB in
    // one argument, and quoting the quotes of the second one makes it grow.
    private static readonly ImmutableArray<(string Name, string Unit, int Length)> LongEntries =
    [
        ("100 KB of substitutions", "$(touch CANARY)`touch CANARY`;\n", 100 * 1024),
        ("64 KB of quote breakouts", "';touch CANARY;'\"\n", 64 * 1024),
    ];

    public static int Count => Entries.Length + LongEntries.Length;

    /// <summary>The template every corpus test renders: report how many arguments arrived, then each in brackets.</summary>
    public static readonly CommandTemplate Reporter =
        new(["sh", "-c", "printf '%s\\n' \"$#\"; printf '[%s]' \"$@\"", "sh", "{version}"]);

    /// <summary>Entry <paramref name="index"/> with <see cref="CanaryToken"/> replaced by <paramref name="canary"/>.</summary>
    public static string Value(int index, string canary)
    {
        if (index < Entries.Length)
        {
            return Entries[index].Value.Replace(CanaryToken, canary, StringComparison.Ordinal);
        }

        var (_, unit, length) = LongEntries[index - Entries.Length];
        return Repeat(unit.Replace(CanaryToken, canary, StringComparison.Ordinal), length);
    }

    /// <summary>What <see cref="Reporter"/> prints when the value arrived intact as one argument.</summary>
    public static string ExpectedReport(string value) => $"1\n[{value}]";

    public static GuestCommand Render(string value)
    {
        var rendering = CommandRenderer.Render(Reporter, new Dictionary<string, string> { ["version"] = value });
        Assert.That(rendering.Error, Is.Null);
        return rendering.Command!;
    }

    public static IEnumerable<TestCaseData> Cases() =>
        Entries.Select(entry => entry.Name).Concat(LongEntries.Select(entry => entry.Name))
            .Select((name, index) => new TestCaseData(index).SetArgDisplayNames(name));

    private static string Repeat(string unit, int length)
    {
        var builder = new System.Text.StringBuilder(length + unit.Length);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, length);
    }
}
