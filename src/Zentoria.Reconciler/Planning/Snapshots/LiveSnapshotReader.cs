using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Zentoria.Reconciler.Planning.Snapshots;

/// <summary>Reads a live snapshot file; a bad one is reported as one line naming the file, position and field.</summary>
internal static partial class LiveSnapshotReader
{
    public static bool TryRead(string path, [NotNullWhen(true)] out LiveState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"{path}: cannot read the live snapshot: {e.Message}";
            return false;
        }

        return TryParse(json, path, out state, out error);
    }

    public static bool TryParse(string json, string file, [NotNullWhen(true)] out LiveState? state, [NotNullWhen(false)] out string? error)
    {
        state = null;
        try
        {
            state = JsonSerializer.Deserialize(json, LiveSnapshotJson.State);
        }
        catch (JsonException e)
        {
            var position = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line + 1}:{(e.BytePositionInLine ?? 0) + 1}")
                : file;
            error = $"{position}: {e.Path ?? "$"}: {Explain(e)}";
            return false;
        }

        if (state is null)
        {
            error = $"{file}: $: expected an object with containers, services and flagSets, found null";
            return false;
        }

        error = LiveSnapshotChecks.FirstProblem(state) is { } problem ? $"{file}: {problem}" : null;
        return error is null;
    }

    private static string Explain(JsonException e)
    {
        var message = e.InnerException is FormatException or InvalidOperationException ? e.InnerException.Message : e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        if (e.InnerException is not null && message.StartsWith('\''))
        {
            return "not valid JSON: " + message;
        }

        if (TokenType().Match(message) is { Success: true } token)
        {
            var expected = token.Groups[2].Value == "number" ? "a whole number" : $"a {token.Groups[2].Value}";
            return $"expected {expected}, found {token.Groups[1].Value.ToLowerInvariant()}";
        }

        if (Unknown().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'";
        }

        if (Missing().Match(message) is { Success: true } missing)
        {
            return $"missing field(s) {missing.Groups[1].Value}; write null where there is no value";
        }

        if (NotNull().Match(message) is { Success: true } notNull)
        {
            var name = notNull.Groups[1].Value;
            return $"'{char.ToLowerInvariant(name[0])}{name[1..]}' must not be null";
        }

        if (WrongType().Match(message) is { Success: true } wrong)
        {
            // Enum failures name the enclosing type, so the field's name tells which values were expected.
            return (wrong.Groups[1].Value, e.Path?.EndsWith(".status", StringComparison.Ordinal)) switch
            {
                (_, true) or ("PowerState", _) => "expected \"running\" or \"stopped\"",
                ("Int32", _) => "expected a whole number",
                ("Boolean", _) => "expected true or false",
                ("String", _) => "expected a string",
                _ => "this value has the wrong type",
            };
        }

        return message.TrimEnd('.');
    }

    [GeneratedRegex(@"Cannot get the value of a token type '(\w+)' as an? (\w+)")]
    private static partial Regex TokenType();

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex Unknown();

    [GeneratedRegex(@"missing required properties including: (.*)\.$")]
    private static partial Regex Missing();

    [GeneratedRegex(@"parameter '([^']*)' on type '[^']*' doesn't allow null")]
    private static partial Regex NotNull();

    [GeneratedRegex(@"could not be converted to (?:[\w.]+\.)?(\w+)(?:\[\])?")]
    private static partial Regex WrongType();
}
