using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation;

[JsonSerializable(typeof(ContainerSpec))]
[JsonSerializable(typeof(ServiceSpec))]
[JsonSerializable(typeof(FeatureFlagSetSpec))]
internal sealed partial class SpecFingerprintJsonContext : JsonSerializerContext;
