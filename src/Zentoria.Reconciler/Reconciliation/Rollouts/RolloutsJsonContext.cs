using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RolloutRequestsDocument))]
[JsonSerializable(typeof(RolloutRequestAccepted))]
internal sealed partial class RolloutsJsonContext : JsonSerializerContext;
