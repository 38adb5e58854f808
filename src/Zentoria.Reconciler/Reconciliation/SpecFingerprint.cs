using System.Runtime.CompilerServices;
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
        TypeInfoResolver = SpecFingerprintJsonContext.Default.WithAddedModifier(DropSourceLocations),
    };

    // Specs are immutable and an unchanged desired state is the same objects pass after pass: hash each once.
    private static readonly ConditionalWeakTable<object, string> Known = [];

    /// <summary>Hex SHA-256 of the spec's JSON form, without any <see cref="SourceLocation"/>.</summary>
    public static string Of<T>(T spec)
        where T : class =>
        Known.GetValue(spec, static s => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(s, Options.GetTypeInfo(s.GetType())))));

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
