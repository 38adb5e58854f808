using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

/// <summary>
/// A dump written to a file inside the database's container, checked to be a non-empty PostgreSQL dump
/// (<see cref="DumpFormat"/>) before anything is migrated; restoring runs the restore command on that file.
/// </summary>
internal sealed class DumpBackup(ActionRunner runner, IGuestShell shell, ContainerSpec database, DumpSpec spec, GuestCommand dump, GuestCommand restore, MigrationContext context) : MigrationBackup
{
    public const string TakeAction = "premigrate-dump";
    public const string RestoreAction = "restore-dump";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(30);

    public override string Description => $"a dump to {spec.Path} in {database.Name}";

    public override async Task<string?> TakeAsync(CancellationToken cancellationToken)
    {
        var action = new MutatingAction(context.Unit, TakeAction, database.Node, database.VmId, context.Revision, null, spec.Path, context.Facts(("file", spec.Path)));
        var result = await runner.RunAsync(action, async token =>
        {
            // A dump command that "succeeds" without writing must not leave an older dump to pass the check.
            if (GuestRun.Failure(await shell.RunAsync(GuestCommand.Of("rm", "-f", "--", spec.Path), CheckTimeout, token), CheckTimeout) is { } removal)
            {
                return ReconcileResult.Transient($"cannot remove the previous {spec.Path}: {removal}");
            }

            if (GuestRun.Failure(await shell.RunAsync(dump, context.Timeout, token), context.Timeout) is { } failed)
            {
                return ReconcileResult.Transient($"the dump command failed: {failed}");
            }

            return await CheckAsync(token) is { } problem
                ? ReconcileResult.Transient($"{spec.Path} is not a usable backup: {problem}")
                : ReconcileResult.Succeeded;
        }, cancellationToken);
        return ErrorOf(result) is { } error ? $"Cannot take {Description}: {error}" : null;
    }

    public override async Task<string?> RestoreAsync(CancellationToken cancellationToken)
    {
        var action = new MutatingAction(context.Unit, RestoreAction, database.Node, database.VmId, context.Revision, "migrated", spec.Path, context.Facts(("file", spec.Path)));
        var result = await runner.RunAsync(action, async token =>
            GuestRun.Failure(await shell.RunAsync(restore, context.Timeout, token), context.Timeout) is { } failed
                ? ReconcileResult.Transient($"the restore command failed: {failed}")
                : ReconcileResult.Succeeded, cancellationToken);
        return ErrorOf(result) is { } error ? $"Cannot restore {spec.Path} in {database.Name}: {error}" : null;
    }

    // Three small reads instead of fetching the file: a dump may be gigabytes, and only its size and ends matter.
    private async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var size = await ReadAsync(GuestCommand.Of("wc", "-c", "--", spec.Path), cancellationToken);
        if (size.Error is { } sizeError)
        {
            return $"cannot read its size: {sizeError}";
        }

        var bytes = long.TryParse(size.Output.Trim().Split(' ', 2)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (bytes < 0)
        {
            return $"cannot read its size from '{size.Output.Trim()}'";
        }

        var head = await ReadAsync(GuestCommand.Of("head", "-c", DumpFormat.HeadBytes.ToString(CultureInfo.InvariantCulture), "--", spec.Path), cancellationToken);
        var tail = await ReadAsync(GuestCommand.Of("tail", "-c", DumpFormat.TailBytes.ToString(CultureInfo.InvariantCulture), "--", spec.Path), cancellationToken);
        return head.Error ?? tail.Error ?? DumpFormat.Problem(bytes, head.Output, tail.Output);
    }

    private async Task<(string Output, string? Error)> ReadAsync(GuestCommand command, CancellationToken cancellationToken)
    {
        var ran = await shell.RunAsync(command, CheckTimeout, cancellationToken);
        return GuestRun.Failure(ran, CheckTimeout) is { } error ? ("", error) : (ran.Value!.Stdout, null);
    }
}
