using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Notifications;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(LedgerDocument))]
[JsonSerializable(typeof(JsonPayload))]
[JsonSerializable(typeof(SlackPayload))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
