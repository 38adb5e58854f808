using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>An item of <c>GET /cluster/resources</c>; guests carry <see cref="VmId"/>, stats are up to ~10 s old.</summary>
internal sealed record ClusterResource
{
    /// <summary><c>lxc/101</c>, <c>node/pve</c>, <c>storage/pve/local</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("type")]
    public ClusterResourceType Type { get; init; }

    [JsonPropertyName("vmid")]
    public VmId? VmId { get; init; }

    [JsonPropertyName("node")]
    public NodeName? Node { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("template")]
    public bool Template { get; init; }

    [JsonPropertyName("lock")]
    public string? Lock { get; init => field = string.IsNullOrEmpty(value) ? null : value; }

    [JsonPropertyName("tags")]
    [JsonConverter(typeof(TagListConverter))]
    public IReadOnlyList<string> Tags { get; set; } = [];

    [JsonPropertyName("pool")]
    public string? Pool { get; init; }

    [JsonPropertyName("hastate")]
    public string? HaState { get; init; }

    [JsonPropertyName("maxcpu")]
    public double MaxCpu { get; init; }

    [JsonPropertyName("cpu")]
    public double Cpu { get; init; }

    [JsonPropertyName("mem")]
    public long MemoryBytes { get; init; }

    [JsonPropertyName("maxmem")]
    public long MaxMemoryBytes { get; init; }

    [JsonPropertyName("disk")]
    public long DiskBytes { get; init; }

    [JsonPropertyName("maxdisk")]
    public long MaxDiskBytes { get; init; }

    [JsonPropertyName("uptime")]
    public long UptimeSeconds { get; init; }

    /// <summary>The guest's power state; <see cref="GuestPowerState.Unknown"/> for non-guests or missing stats.</summary>
    public GuestPowerState PowerState => TolerantEnumConverter<GuestPowerState>.TryParse(Status, out var state) ? state : GuestPowerState.Unknown;
}
