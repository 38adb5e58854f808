using System.Text.Json;
using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// Every answer the client reads, generated at build time: the operator ships as a Native AOT binary, where the
/// reflection resolver is not available. A type missing here fails every test that reads it.
/// </summary>
/// <remarks>
/// A property with a default (<c>Tags = []</c>) has a <c>set</c>, not an <c>init</c>: generated code assigns every
/// init-only property when it constructs the object, so one missing from the answer would be null, not its default
/// (dotnet/runtime#84484).
/// </remarks>
[JsonSerializable(typeof(DataEnvelope<JsonElement>))]
[JsonSerializable(typeof(DataEnvelope<Upid>))]
[JsonSerializable(typeof(DataEnvelope<VmId>))]
[JsonSerializable(typeof(DataEnvelope<ProxmoxTicket>))]
[JsonSerializable(typeof(DataEnvelope<ProxmoxVersion>))]
[JsonSerializable(typeof(DataEnvelope<ContainerConfig>))]
[JsonSerializable(typeof(DataEnvelope<ContainerStatus>))]
[JsonSerializable(typeof(DataEnvelope<ProxmoxTaskStatus>))]
[JsonSerializable(typeof(DataEnvelope<List<ClusterResource>>))]
[JsonSerializable(typeof(DataEnvelope<List<ContainerInterface>>))]
[JsonSerializable(typeof(DataEnvelope<List<ContainerSnapshot>>))]
[JsonSerializable(typeof(DataEnvelope<List<ContainerStatus>>))]
[JsonSerializable(typeof(DataEnvelope<List<NodeSummary>>))]
[JsonSerializable(typeof(DataEnvelope<List<PendingConfigValue>>))]
[JsonSerializable(typeof(DataEnvelope<List<ProxmoxTaskSummary>>))]
[JsonSerializable(typeof(DataEnvelope<List<TaskLogLine>>))]
internal sealed partial class ProxmoxJsonContext : JsonSerializerContext;
