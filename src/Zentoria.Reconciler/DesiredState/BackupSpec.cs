namespace Zentoria.Reconciler.DesiredState;

/// <summary>The backup taken before migrations: a Proxmox snapshot of a container, or a dump; exactly one is set.</summary>
/// <param name="SnapshotOf">The container to snapshot (by its document name), or null.</param>
/// <param name="Dump">A dump written to a file inside a container, with the command that restores it, or null.</param>
internal sealed record BackupSpec(ContainerName? SnapshotOf, DumpSpec? Dump);
