namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>The backup was taken and the migration ran; recorded, so it is not run again for this version.</summary>
/// <param name="Backup">What was taken, such as <c>snapshot zentoria-premigrate-v1_4_2-261126120000 of CT 404</c>.</param>
internal sealed record MigrationSucceeded(string Version, string Backup) : MigrationOutcome
{
    public override string Message => $"Migrations for {Version} succeeded after {Backup}.";
}
