using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Status;

/// <summary>The <c>/status</c> JSON (documented in <c>docs/status-json.md</c>): camelCase names, enums as their words.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(StatusSnapshot))]
internal sealed partial class StatusJsonContext : JsonSerializerContext;
