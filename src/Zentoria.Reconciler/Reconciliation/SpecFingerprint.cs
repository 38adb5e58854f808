using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>A stable hash of one unit's desired spec: a Stalled unit is retried only once this changes.</summary>
internal static class SpecFingerprint
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropSourceLocations } },
    };

    /// <summary>Hex SHA-256 of the spec's JSON form, without any <see cref="SourceLocation"/>.</summary>
    public static string Of<T>(T spec)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(spec, Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    // Moving a document within its file changes its line numbers, not what it asks for; that must not un-stall it.
    private static void DropSourceLocations(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].PropertyType == typeof(SourceLocation))
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
