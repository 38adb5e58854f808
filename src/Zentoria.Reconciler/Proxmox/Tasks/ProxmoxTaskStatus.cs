using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary><c>GET /nodes/{node}/tasks/{upid}/status</c>.</summary>
internal sealed record ProxmoxTaskStatus
{
    [JsonPropertyName("upid")]
    public string Upid { get; set; } = "";

    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("status")]
    public TaskState Status { get; init; }

    /// <summary><c>OK</c>, <c>WARNINGS: n</c>, or the error text; only once <see cref="Status"/> is stopped.</summary>
    [JsonPropertyName("exitstatus")]
    public string? ExitStatus { get; init; }

    [JsonPropertyName("starttime")]
    public long StartTime { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }

    [JsonPropertyName("tokenid")]
    public string? TokenId { get; init; }

    public bool IsFinished => Status == TaskState.Stopped;

    /// <summary><c>WARNINGS: n</c> is a success that logged warnings (bpg and ansible treat it so too).</summary>
    public bool Succeeded => IsFinished && ExitStatus is { } exit
        && (exit == "OK" || exit.StartsWith("WARNINGS:", StringComparison.Ordinal));
}
