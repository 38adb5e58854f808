namespace Zentoria.Reconciler.DesiredState;

/// <summary>Database migrations run before a service's new version, with a backup first.</summary>
internal sealed record MigrationSpec(CommandTemplate Command, BackupSpec Backup)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long each of the dump, the migration and the restore may run before it is cut.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}
