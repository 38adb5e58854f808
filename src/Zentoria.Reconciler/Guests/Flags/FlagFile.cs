using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Guests.Flags;

/// <summary>
/// The flags file a service reads:
/// <c>{"revision": "...", "flags": {"chat-v2": {"enabled": false, "rolloutPercentage": 0}, ...}}</c>.
/// </summary>
/// <remarks>
/// <see cref="ToBytes"/> is stable: flags sorted by ordinal name, fixed property order, indented, a final newline.
/// The same desired flags always give the same bytes, so a rewrite of an unchanged set is a no-op for anyone
/// diffing or hashing the file, and the revision says which desired state wrote it.
/// </remarks>
/// <param name="Revision">The desired-state revision the file was written from; null when a file (written by hand, say) has none.</param>
/// <param name="Flags">Sorted by ordinal name.</param>
internal sealed record FlagFile(string? Revision, ImmutableArray<LiveFlag> Flags)
{
    public const int MaxRollout = 100;

    /// <summary>A flags file is small; anything larger than this is not one, and is refused rather than read whole.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static FlagFile Of(string? revision, IEnumerable<LiveFlag> flags) =>
        new(revision, [.. flags.OrderBy(f => f.Name, StringComparer.Ordinal)]);

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            if (Revision is not null)
            {
                json.WriteString("revision", Revision);
            }

            json.WriteStartObject("flags");
            foreach (var flag in Flags.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject(flag.Name);
                json.WriteBoolean("enabled", flag.Enabled);
                json.WriteNumber("rolloutPercentage", flag.Rollout);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a flags file; anything that is not one (bad JSON, wrong types, a percentage outside 0–100, a duplicate flag) is an error, never a guess.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> content, [NotNullWhen(true)] out FlagFile? file, [NotNullWhen(false)] out FlagFileError? error)
    {
        file = null;
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 8 });
            error = Read(document.RootElement, out file);
        }
        catch (JsonException e)
        {
            error = new FlagFileError("Not valid JSON: " + e.Message.ReplaceLineEndings(" "));
        }

        return error is null;
    }

    private static FlagFileError? Read(JsonElement root, out FlagFile? file)
    {
        file = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new FlagFileError($"The file is a JSON {root.ValueKind}, not an object.");
        }

        string? revision = null;
        if (root.TryGetProperty("revision", out var rev))
        {
            if (rev.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return new FlagFileError("\"revision\" is not a string.");
            }

            revision = rev.GetString();
        }

        if (!root.TryGetProperty("flags", out var flags) || flags.ValueKind != JsonValueKind.Object)
        {
            return new FlagFileError("\"flags\" is missing or not an object.");
        }

        var read = new List<LiveFlag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in flags.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return new FlagFileError($"Flag \"{property.Name}\" appears twice.");
            }

            if (ReadFlag(property) is { } flag)
            {
                read.Add(flag);
            }
            else
            {
                return new FlagFileError($"Flag \"{property.Name}\" needs a boolean \"enabled\" and an integer \"rolloutPercentage\" from 0 to {MaxRollout}.");
            }
        }

        file = Of(revision, read);
        return null;
    }

    private static LiveFlag? ReadFlag(JsonProperty property)
    {
        var value = property.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("enabled", out var enabled) || enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            || !value.TryGetProperty("rolloutPercentage", out var rollout) || rollout.ValueKind != JsonValueKind.Number
            || !rollout.TryGetInt32(out var percent) || percent is < 0 or > MaxRollout)
        {
            return null;
        }

        return new LiveFlag(property.Name, enabled.GetBoolean(), percent);
    }
}
