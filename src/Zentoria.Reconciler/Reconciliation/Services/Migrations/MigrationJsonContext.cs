using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(MigrationRecordsDocument))]
internal sealed partial class MigrationJsonContext : JsonSerializerContext;
