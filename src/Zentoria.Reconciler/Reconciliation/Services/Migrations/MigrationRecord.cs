namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>A migration that succeeded: it is not run again for the same service and version.</summary>
/// <param name="Backup">The backup taken before it, as <see cref="MigrationSucceeded.Backup"/> says.</param>
internal sealed record MigrationRecord(string Service, string Version, string Revision, string Backup, DateTimeOffset SucceededAt);
