using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>An item of <c>GET /nodes</c>. Stats are absent without Sys.Audit on the node, or when it is offline.</summary>
internal sealed record NodeSummary
{
    [JsonPropertyName("node")]
    public NodeName Node { get; init; }

    [JsonPropertyName("status")]
    public NodeStatus Status { get; init; }

    /// <summary>SHA-256 of the node certificate, <c>5F:40:...</c>: what to pin.</summary>
    [JsonPropertyName("ssl_fingerprint")]
    public string? SslFingerprint { get; init; }

    [JsonPropertyName("level")]
    public string? Level { get; init; }

    [JsonPropertyName("cpu")]
    public double? Cpu { get; init; }

    [JsonPropertyName("maxcpu")]
    public double? MaxCpu { get; init; }

    [JsonPropertyName("mem")]
    public long? MemoryBytes { get; init; }

    [JsonPropertyName("maxmem")]
    public long? MaxMemoryBytes { get; init; }

    [JsonPropertyName("uptime")]
    public long? UptimeSeconds { get; init; }
}
