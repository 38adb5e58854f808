namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>The rollout must stop: the reason goes to the service's status (Degraded).</summary>
/// <param name="Reason">What failed: the backup (nothing was migrated), or the migration and what the restore did.</param>
/// <param name="Restored">The migration ran, failed and the backup was restored; false when nothing needed restoring or the restore failed too.</param>
internal sealed record MigrationFailed(string Reason, bool Restored) : MigrationOutcome
{
    public override string Message => Reason;
}
