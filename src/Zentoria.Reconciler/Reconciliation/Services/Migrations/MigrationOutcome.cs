namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// How a <see cref="MigrationRunner.RunAsync"/> ended: <see cref="MigrationSkipped"/>, <see cref="MigrationSucceeded"/>
/// (deploy the version) or <see cref="MigrationFailed"/> (stop the rollout; the service is Degraded with the reason).
/// </summary>
internal abstract record MigrationOutcome
{
    private protected MigrationOutcome()
    {
    }

    /// <summary>One sentence for status and logs.</summary>
    public abstract string Message { get; }
}
