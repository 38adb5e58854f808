using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>Run <paramref name="Service"/>'s migrations for <paramref name="Version"/>, before that version is deployed.</summary>
/// <param name="Revision">The desired-state revision being enforced; journaled, audited and recorded with the migration.</param>
internal sealed record MigrationRequest(Desired Desired, ServiceSpec Service, string Version, string Revision);
