using System.Globalization;
using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>A Proxmox snapshot of the database's container; restoring rolls the container back and starts it again.</summary>
internal sealed class SnapshotBackup(ProxmoxClient client, ActionRunner runner, ContainerSpec database, MigrationContext context, DateTimeOffset now) : MigrationBackup
{
    public const string TakeAction = "premigrate-snapshot";
    public const string RestoreAction = "restore-snapshot";

    private const string Prefix = "zentoria-premigrate-";
    private const int MaxNameLength = 40;

    public string Name { get; } = NameFor(context.Version, now);

    public override string Description => $"snapshot {Name} of CT {database.VmId} ({database.Name})";

    /// <summary>
    /// <c>zentoria-premigrate-&lt;version&gt;-&lt;time&gt;</c> within Proxmox's rules (<c>^[a-z][a-z0-9_-]+$</c>, at most 40
    /// characters): the version lower-cased with other characters as <c>_</c> and shortened if need be; the time in UTC.
    /// </summary>
    public static string NameFor(string version, DateTimeOffset now)
    {
        var time = now.UtcDateTime.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture);
        var room = MaxNameLength - Prefix.Length - 1 - time.Length;
        var safe = new StringBuilder(version.Length);
        foreach (var c in version.ToLowerInvariant())
        {
            safe.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        return $"{Prefix}{(safe.Length > room ? safe.ToString(0, room) : safe.ToString())}-{time}";
    }

    public override async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        var action = Action(TakeAction, null, Name);
        var result = await runner.RunAsync(action, token => ProxmoxOutcome.Guard(async () =>
        {
            var description = $"Taken by Zentoria Reconciler before the migrations of {context.Service.Name} {context.Version} (revision {context.Revision}).";
            await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(database.Node, database.VmId, Name, token, description), token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
        return ErrorOf(result) is { } error ? $"Cannot take the {Description}: {error}" : null;
    }

    public override async Task<string?> RestoreAsync(CancellationToken cancellationToken)
    {
        var action = Action(RestoreAction, "migrated", Name);
        var result = await runner.RunAsync(action, token => ProxmoxOutcome.Guard(async () =>
        {
            // Rollback hard-stops the container; the database must serve again, so it is started in the same task.
            await client.Tasks.WaitAsync(await client.Snapshots.RollbackAsync(database.Node, database.VmId, Name, token, start: true), token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
        return ErrorOf(result) is { } error ? $"Cannot roll CT {database.VmId} back to {Name}: {error}" : null;
    }

    private MutatingAction Action(string name, string? before, string after) =>
        new(context.Unit, name, database.Node, database.VmId, context.Revision, before, after, context.Facts(("snapshot", Name)));
}
