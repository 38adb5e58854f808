using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>An item of <c>GET /nodes/{node}/tasks</c>; <see cref="Status"/> is the exit status, or <c>RUNNING</c>.</summary>
internal sealed record ProxmoxTaskSummary
{
    [JsonPropertyName("upid")]
    public string Upid { get; set; } = "";

    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("starttime")]
    public long StartTime { get; init; }

    [JsonPropertyName("endtime")]
    public long? EndTime { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}
