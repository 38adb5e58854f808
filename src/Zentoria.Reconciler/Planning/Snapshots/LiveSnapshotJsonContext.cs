using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Planning.Snapshots;

/// <summary>The contract of a snapshot, generated at build time; its settings are in <see cref="LiveSnapshotJson"/>.</summary>
[JsonSerializable(typeof(LiveState))]
internal sealed partial class LiveSnapshotJsonContext : JsonSerializerContext;
