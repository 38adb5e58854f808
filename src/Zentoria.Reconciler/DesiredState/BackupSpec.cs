namespace Zentoria.Reconciler.DesiredState;

/// <summary>The backup taken before migrations: a Proxmox snapshot of a container, or a dump command.</summary>
/// <param name="SnapshotOf">The container to snapshot (by its document name), or null.</param>
/// <param name="DumpCommand">A command that writes a dump to standard output, or null.</param>
internal sealed record BackupSpec(ContainerName? SnapshotOf, CommandTemplate? DumpCommand);
