using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>A migration with everything resolved and rendered: the service's container and shell, the command and the backup.</summary>
internal sealed record PreparedMigration(ContainerSpec Container, IGuestShell Shell, GuestCommand Migrate, MigrationBackup Backup);
