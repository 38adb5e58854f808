using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// An item of <c>GET .../snapshot</c>. The list always ends with the pseudo-snapshot <c>current</c> ("You are
/// here!"), whose <see cref="Parent"/> is the newest snapshot and which carries the config digest.
/// </summary>
internal sealed record ContainerSnapshot
{
    public const string CurrentName = "current";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("description")]
    public string Description { get; set; } = "";

    /// <summary>Unix seconds; 0 when missing (and always for <c>current</c>).</summary>
    [JsonPropertyName("snaptime")]
    public long SnapTime { get; init; }

    [JsonPropertyName("parent")]
    public string? Parent { get; init; }

    /// <summary><c>prepare</c> or <c>delete</c> while a snapshot operation is incomplete.</summary>
    [JsonPropertyName("snapstate")]
    public string? SnapState { get; init; }

    [JsonPropertyName("digest")]
    public string? Digest { get; init; }

    [JsonPropertyName("running")]
    public bool Running { get; init; }

    public bool IsCurrent => Name == CurrentName;
}
