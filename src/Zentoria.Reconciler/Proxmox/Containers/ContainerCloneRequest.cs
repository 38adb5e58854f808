using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// <c>POST /nodes/{node}/lxc/{vmid}/clone</c>. The source is locked (<c>disk</c>) at once, so a second clone of
/// the same source fails with <c>CT is locked (disk)</c> while one runs. A full clone of a running container
/// needs <see cref="SnapshotName"/>.
/// </summary>
internal sealed record ContainerCloneRequest
{
    public required VmId NewId { get; init; }

    public string? Hostname { get; init; }

    public string? Description { get; init; }

    /// <summary>Full copy (default for containers) or linked (default for templates).</summary>
    public bool? Full { get; init; }

    /// <summary>Target storage; full clones only.</summary>
    public string? Storage { get; init; }

    /// <summary>Another node; needs shared storage.</summary>
    public NodeName? Target { get; init; }

    public string? SnapshotName { get; init; }

    public string? Pool { get; init; }

    internal FormParameters ToParameters() => new FormParameters()
        .Add("newid", NewId.Value)
        .Add("hostname", Hostname)
        .Add("description", Description)
        .Add("full", Full)
        .Add("storage", Storage)
        .Add("target", Target?.Value)
        .Add("snapname", SnapshotName)
        .Add("pool", Pool);
}
