using System.Text.Json;

namespace Zentoria.Reconciler.Sources;

/// <summary>The fields GitHub and Gitea push payloads share: the ref pushed, the commit it now points at, and the repository.</summary>
internal sealed record GitPushEvent(string Reference, string After, string Repository)
{
    /// <summary>Null when <paramref name="body"/> is not a JSON object with a string <c>ref</c>.</summary>
    public static GitPushEvent? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var after = root.TryGetProperty("after", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : "";
            var repository = root.TryGetProperty("repository", out var r) && r.ValueKind == JsonValueKind.Object &&
                r.TryGetProperty("full_name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
            return new GitPushEvent(reference.GetString()!, after, repository);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
