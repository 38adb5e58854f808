using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>The <c>ha</c> object of <c>status/current</c>: a managed guest's start/stop only asks the HA manager.</summary>
internal sealed record HaState
{
    [JsonPropertyName("managed")]
    public bool Managed { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }
}
