namespace Zentoria.Reconciler.DesiredState;

/// <summary>Database migrations run before a service's new version, with a backup first.</summary>
internal sealed record MigrationSpec(CommandTemplate Command, BackupSpec Backup);
