using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>A line of <c>GET .../tasks/{upid}/log</c>; <see cref="Number"/> is 1-based.</summary>
internal sealed record TaskLogLine
{
    [JsonPropertyName("n")]
    public int Number { get; init; }

    [JsonPropertyName("t")]
    public string Text { get; set; } = "";
}
