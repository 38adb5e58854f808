using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>One container as Proxmox reports it (running values, with what is pending named apart).</summary>
/// <param name="Tags">As Proxmox stores them: lower-case, sorted.</param>
/// <param name="Description">Without the trailing newline Proxmox adds.</param>
/// <param name="PendingKeys">Config keys with a change that waits for the next restart.</param>
/// <param name="Lock">The config lock (<c>backup</c>, <c>snapshot</c>, ...), or null.</param>
internal sealed record LiveContainer(
    [property: JsonPropertyName("vmid")] VmId VmId,
    NodeName Node,
    string Hostname,
    PowerState Status,
    bool OnBoot,
    int Cores,
    int MemoryMiB,
    int SwapMiB,
    int DiskGiB,
    LiveNetwork? Network,
    ImmutableArray<string> Tags,
    string? Description,
    ImmutableArray<string> PendingKeys,
    string? Lock);
