using System.Collections.Immutable;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>The content of <c>migrations.json</c> in the state folder.</summary>
internal sealed record MigrationRecordsDocument(int Version, ImmutableArray<MigrationRecord> Migrations)
{
    public const int CurrentVersion = 1;
}
