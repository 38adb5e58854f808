using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Control;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ControlDocument))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
