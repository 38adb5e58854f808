using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Reconciliation.Services;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(FailedDeploymentsDocument))]
internal sealed partial class ServicesJsonContext : JsonSerializerContext;
