using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Guests.Simulated;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SimulatedJsonContext : JsonSerializerContext;
