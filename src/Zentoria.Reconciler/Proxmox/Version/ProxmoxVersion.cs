using System.Text.Json.Serialization;

namespace Zentoria.Reconciler.Proxmox;

/// <summary><c>GET /version</c>. Switch behaviour on <see cref="Release"/> (<c>8.1</c>, <c>9.1</c>), not on <see cref="Version"/>.</summary>
internal sealed record ProxmoxVersion
{
    /// <summary>The full pve-manager version, <c>9.1.4</c> (or <c>7.4-3</c> before PVE 8).</summary>
    [JsonPropertyName("version")]
    public string Version { get; set; } = "";

    /// <summary><c>major.minor</c>.</summary>
    [JsonPropertyName("release")]
    public string Release { get; set; } = "";

    [JsonPropertyName("repoid")]
    public string RepoId { get; set; } = "";

    [JsonPropertyName("console")]
    public string? Console { get; init; }

    /// <summary>The release as a comparable version, or null when Proxmox sent something unexpected.</summary>
    public System.Version? ReleaseVersion => System.Version.TryParse(Release, out var parsed) ? parsed : null;
}
