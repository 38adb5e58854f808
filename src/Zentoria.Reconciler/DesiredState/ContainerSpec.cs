using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>A <c>kind: Container</c> document: one LXC container on one node.</summary>
/// <param name="Tags">Normalised as Proxmox stores them: lower-case, de-duplicated, sorted.</param>
/// <param name="Create">How to create it when missing; null means the operator never creates it.</param>
internal sealed record ContainerSpec(
    ContainerName Name,
    VmId VmId,
    NodeName Node,
    string Hostname,
    PowerState State,
    bool OnBoot,
    ContainerResources Resources,
    ContainerNetwork Network,
    ImmutableArray<string> Tags,
    string? Description,
    ContainerTemplate? Create,
    DriftPolicy Drift,
    RestartPolicy Restart,
    SourceLocation Origin,
    ImmutableArray<SyncWindowSpec> Windows = default)
{
    /// <summary>Deployment windows for this unit alone, on top of the environment's; empty when it has none.</summary>
    public ImmutableArray<SyncWindowSpec> Windows { get; init; } = Windows.IsDefault ? [] : Windows;
}
