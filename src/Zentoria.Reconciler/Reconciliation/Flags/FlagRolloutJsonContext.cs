using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Reconciliation.Flags;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FlagRolloutDocument))]
internal sealed partial class FlagRolloutJsonContext : JsonSerializerContext;
