using System.Text.Json.Serialization;
using Zentoria.Reconciler.Audit;

namespace Zentoria.Reconciler.State;

/// <summary>JSON for the files in the state folder: the journal and audit lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JournalDocument))]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
