using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// <c>GET /nodes/{node}/lxc/{vmid}/status/current</c>, and the items of <c>GET /nodes/{node}/lxc</c>. Fields
/// that Proxmox omits (<c>lock</c>, <c>pid</c>, <c>template</c>, <c>tags</c>) are null or empty here.
/// </summary>
internal sealed record ContainerStatus
{
    [JsonPropertyName("vmid")]
    public VmId VmId { get; init; }

    [JsonPropertyName("status")]
    public GuestPowerState Status { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Configured cores, else <c>cpulimit</c>, else the host's CPU count (may arrive as a string).</summary>
    [JsonPropertyName("cpus")]
    public double Cpus { get; init; }

    /// <summary>Load as a fraction of <see cref="Cpus"/>.</summary>
    [JsonPropertyName("cpu")]
    public double Cpu { get; init; }

    [JsonPropertyName("mem")]
    public long MemoryBytes { get; init; }

    [JsonPropertyName("maxmem")]
    public long MaxMemoryBytes { get; init; }

    [JsonPropertyName("swap")]
    public long SwapBytes { get; init; }

    [JsonPropertyName("maxswap")]
    public long MaxSwapBytes { get; init; }

    [JsonPropertyName("disk")]
    public long DiskBytes { get; init; }

    [JsonPropertyName("maxdisk")]
    public long MaxDiskBytes { get; init; }

    [JsonPropertyName("uptime")]
    public long UptimeSeconds { get; init; }

    [JsonPropertyName("pid")]
    public long? Pid { get; init; }

    /// <summary>The guest lock (<c>backup</c>, <c>disk</c>, ...), or null when unlocked; PVE 6 sent <c>""</c>.</summary>
    [JsonPropertyName("lock")]
    public string? Lock { get; init => field = string.IsNullOrEmpty(value) ? null : value; }

    [JsonPropertyName("tags")]
    [JsonConverter(typeof(TagListConverter))]
    public IReadOnlyList<string> Tags { get; set; } = [];

    [JsonPropertyName("template")]
    public bool Template { get; init; }

    [JsonPropertyName("ha")]
    public HaState? Ha { get; init; }
}
