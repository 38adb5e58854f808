namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>Nothing was run: the service declares no migrations, or they already succeeded for this version.</summary>
internal sealed record MigrationSkipped(string Reason) : MigrationOutcome
{
    public override string Message => Reason;
}
