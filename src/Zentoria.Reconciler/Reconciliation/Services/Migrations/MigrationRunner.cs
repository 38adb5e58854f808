using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// Runs a service's migrations before its new version: the backup first (a snapshot of the database's container, or
/// a dump checked to be valid), then the migration command in the service's container, and on failure the backup is
/// restored. Every change goes through the <see cref="ActionRunner"/>; a success is recorded in the state folder,
/// so the same (service, version) is never migrated twice.
/// </summary>
internal sealed class MigrationRunner(
    IGuestShellProvider guests,
    ProxmoxClient proxmox,
    ActionRunner runner,
    StateFolder state,
    TimeProvider time,
    ILogger<MigrationRunner> logger)
{
    public const string MigrateAction = "migrate";

    /// <summary>Every action name the runner journals and counts, to declare to the metrics at start.</summary>
    public static readonly IReadOnlyList<string> ActionNames =
        [SnapshotBackup.TakeAction, DumpBackup.TakeAction, MigrateAction, SnapshotBackup.RestoreAction, DumpBackup.RestoreAction];

    private readonly MigrationRecords records = new(state);

    public async Task<MigrationOutcome> RunAsync(MigrationRequest request, CancellationToken cancellationToken)
    {
        var (desired, service, version) = (request.Desired, request.Service, request.Version);
        if (service.Migrations is not { } migrations)
        {
            return new MigrationSkipped($"{service.Name} declares no migrations.");
        }

        if (records.Find(service.Name.Value, version) is { } done)
        {
            Log.AlreadyMigrated(logger, service.Name.Value, version, done.SucceededAt);
            return new MigrationSkipped($"The migrations of {service.Name} {version} already succeeded at {done.SucceededAt:yyyy-MM-ddTHH:mm:ssZ}.");
        }

        var context = new MigrationContext(new UnitKey(UnitKind.Service, service.Name.Value), service, version, request.Revision, migrations.Timeout);
        var (prepared, unprepared) = Prepare(desired, migrations, context);
        if (prepared is null)
        {
            return new MigrationFailed($"{unprepared} The migrations of {version} were not run.", Restored: false);
        }

        var backup = prepared.Backup;
        Log.BackingUp(logger, service.Name.Value, version, backup.Description);
        if (await backup.TakeAsync(cancellationToken) is { } backupError)
        {
            Log.BackupFailed(logger, service.Name.Value, version, backupError);
            return new MigrationFailed($"{backupError}. The migrations of {version} were not run.", Restored: false);
        }

        var failure = await MigrateAsync(prepared, context, cancellationToken);
        if (failure is null)
        {
            records.Add(new MigrationRecord(service.Name.Value, version, request.Revision, backup.Description, time.GetUtcNow()));
            Log.Migrated(logger, service.Name.Value, version, backup.Description);
            return new MigrationSucceeded(version, backup.Description);
        }

        var restoreError = await backup.RestoreAsync(cancellationToken);
        Log.MigrationFailed(logger, service.Name.Value, version, failure, restoreError is null);
        return restoreError is null
            ? new MigrationFailed($"The migrations of {service.Name} {version} failed ({failure}); {backup.Description} was restored.", Restored: true)
            : new MigrationFailed($"The migrations of {service.Name} {version} failed ({failure}) and restoring {backup.Description} failed too: {restoreError}", Restored: false);
    }

    private async Task<string?> MigrateAsync(PreparedMigration prepared, MigrationContext context, CancellationToken cancellationToken)
    {
        var container = prepared.Container;
        var action = new MutatingAction(context.Unit, MigrateAction, container.Node, container.VmId, context.Revision, null, context.Version,
            context.Facts(("container", container.Name.Value)));
        var result = await runner.RunAsync(action, async token =>
            GuestRun.Failure(await prepared.Shell.RunAsync(prepared.Migrate, context.Timeout, token), context.Timeout) is { } failed
                ? ReconcileResult.Transient(failed)
                : ReconcileResult.Succeeded, cancellationToken);
        return MigrationBackup.ErrorOf(result);
    }

    // Everything is resolved and rendered before the backup: a typo must not cost a snapshot and a rollback.
    private (PreparedMigration? Prepared, string? Error) Prepare(Desired desired, MigrationSpec migrations, MigrationContext context)
    {
        var name = context.Service.Name;
        if (desired.FindContainer(context.Service.Container) is not { } container)
        {
            return (null, $"{name}'s container {context.Service.Container} is not in the desired state.");
        }

        if (guests.ShellFor(container) is not { } shell)
        {
            return (null, $"No guest shell reaches {container.Name}, where the migrations of {name} run.");
        }

        var migrate = CommandRenderer.Render(migrations.Command, Values(container, context, null));
        if (!migrate.Succeeded)
        {
            return (null, $"The migration command of {name} cannot be rendered: {migrate.Error}.");
        }

        var (backup, error) = migrations.Backup switch
        {
            { SnapshotOf: { } snapshotOf } => Snapshot(desired, snapshotOf, context),
            { Dump: { } dump } => Dump(desired, container, dump, context),
            _ => (null, $"{name}'s migrations declare no backup."),
        };
        return backup is null ? (null, error) : (new PreparedMigration(container, shell, migrate.Command!, backup), null);
    }

    private (MigrationBackup?, string?) Snapshot(Desired desired, ContainerName snapshotOf, MigrationContext context) =>
        desired.FindContainer(snapshotOf) is { } database
            ? (new SnapshotBackup(proxmox, runner, database, context, time.GetUtcNow()), null)
            : (null, $"The container {snapshotOf} to snapshot before migrating is not in the desired state.");

    private (MigrationBackup?, string?) Dump(Desired desired, ContainerSpec container, DumpSpec dump, MigrationContext context)
    {
        if (desired.FindContainer(dump.Container) is not { } database)
        {
            return (null, $"The container {dump.Container} to dump before migrating is not in the desired state.");
        }

        if (guests.ShellFor(database) is not { } shell)
        {
            return (null, $"No guest shell reaches {database.Name}, where the dump before the migrations of {context.Service.Name} runs.");
        }

        var values = Values(container, context, dump.Path);
        var (take, restore) = (CommandRenderer.Render(dump.Command, values), CommandRenderer.Render(dump.Restore, values));
        return take.Error is { } takeError ? (null, $"The dump command cannot be rendered: {takeError}.")
            : restore.Error is { } restoreError ? (null, $"The restore command cannot be rendered: {restoreError}.")
            : (new DumpBackup(runner, shell, database, dump, take.Command!, restore.Command!, context), null);
    }

    /// <summary>The placeholders describe the service being migrated; <c>{file}</c> is the dump file.</summary>
    private static Dictionary<string, string> Values(ContainerSpec container, MigrationContext context, string? file)
    {
        var service = context.Service;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service"] = service.Name.Value,
            ["version"] = context.Version,
            ["revision"] = context.Revision,
            ["container"] = container.Name.Value,
            ["vmid"] = container.VmId.Value.ToString(CultureInfo.InvariantCulture),
            ["node"] = container.Node.Value,
            ["port"] = service.Port.ToString(CultureInfo.InvariantCulture),
        };
        Add(values, "image", service.Image);
        Add(values, "address", container.Network.Address);
        Add(values, "file", file);
        return values;
    }

    private static void Add(Dictionary<string, string> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = value;
        }
    }
}
