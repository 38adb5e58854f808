namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// The backup taken before a migration, and its restore: a Proxmox snapshot (<see cref="SnapshotBackup"/>) or a
/// dump inside the database's container (<see cref="DumpBackup"/>). Both act through the <see cref="ActionRunner"/>.
/// </summary>
internal abstract class MigrationBackup
{
    /// <summary>What is or will be taken, for status and the record, such as <c>a dump to /var/backups/app.dump in postgres</c>.</summary>
    public abstract string Description { get; }

    /// <returns>Null once the backup is taken and checked; otherwise why not (then nothing may be migrated).</returns>
    public abstract Task<string?> TakeAsync(CancellationToken cancellationToken);

    /// <returns>Null once the backup is restored; otherwise why not.</returns>
    public abstract Task<string?> RestoreAsync(CancellationToken cancellationToken);

    /// <summary>An action's result as this type's answer: null for done, the message otherwise.</summary>
    public static string? ErrorOf(ReconcileResult result) => result switch
    {
        Done => null,
        TransientError e => e.Message,
        TerminalError e => e.Message,
        RequeueAfter r => r.Reason,
        _ => result.ToString(),
    };
}
