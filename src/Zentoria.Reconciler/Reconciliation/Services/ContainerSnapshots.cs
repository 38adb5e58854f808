using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// The Proxmox snapshots a deploy takes, prunes and rolls back to, each through <see cref="ActionRunner"/>. Only
/// snapshots the operator made (<see cref="SnapshotNames.Prefix"/>) are ever deleted; the newest <see cref="Keep"/>
/// per container stay.
/// </summary>
internal sealed class ContainerSnapshots(ProxmoxClient client, ActionRunner runner, ILogger<ContainerSnapshots> logger)
{
    public const int Keep = 3;

    public const string TakeAction = "snapshot";
    public const string DeleteAction = "delete-snapshot";
    public const string RollbackAction = "rollback-snapshot";

    /// <summary>Takes <paramref name="name"/> unless it exists already (a rollout resumed after a restart).</summary>
    public Task<ReconcileResult> TakeAsync(ServiceDeployment deployment, string name, CancellationToken cancellationToken) => ProxmoxOutcome.Guard(async () =>
    {
        var (node, vmid) = (deployment.Container.Node, deployment.Container.VmId);
        if ((await client.Snapshots.ListAsync(node, vmid, cancellationToken)).Any(s => s.Name == name && s.SnapState is null))
        {
            return ReconcileResult.Succeeded;
        }

        return await runner.RunAsync(deployment.Action(TakeAction, null, name), token => ProxmoxOutcome.Guard(async () =>
        {
            var description = $"Taken by zentoria-reconciler before deploying {deployment.Rollout.Target} of {deployment.Spec.Name.Value} (revision {deployment.Revision}).";
            await client.Tasks.WaitAsync(await client.Snapshots.CreateAsync(node, vmid, name, token, description), token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
    });

    /// <summary>Deletes the operator's snapshots of the container beyond the newest <see cref="Keep"/>; a failure is logged, not fatal.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> PruneAsync(ServiceDeployment deployment, CancellationToken cancellationToken)
    {
        var (node, vmid) = (deployment.Container.Node, deployment.Container.VmId);
        var deleted = 0;
        var result = await ProxmoxOutcome.Guard(async () =>
        {
            var snapshots = await client.Snapshots.ListAsync(node, vmid, cancellationToken);
            var surplus = snapshots
                .Where(s => !s.IsCurrent && s.SnapState is null && SnapshotNames.IsOperatorMade(s.Name))
                .OrderByDescending(s => s.SnapTime).ThenByDescending(s => s.Name, StringComparer.Ordinal)
                .Skip(Keep)
                .ToList();
            foreach (var old in surplus)
            {
                var removed = await runner.RunAsync(deployment.Action(DeleteAction, old.Name, null), token => ProxmoxOutcome.Guard(async () =>
                {
                    await client.Tasks.WaitAsync(await client.Snapshots.DeleteAsync(node, vmid, old.Name, token), token);
                    return ReconcileResult.Succeeded;
                }), cancellationToken);
                if (removed is not Done)
                {
                    return removed;
                }

                deleted++;
            }

            return ReconcileResult.Succeeded;
        });
        if (result is TransientError or TerminalError)
        {
            Log.SnapshotPruneFailed(logger, deployment.Unit.ToString(), vmid.Value, Results.Message(result));
        }

        return deleted;
    }

    /// <summary>Rolls the container back to <paramref name="name"/> and starts it again.</summary>
    public Task<ReconcileResult> RollbackAsync(ServiceDeployment deployment, string name, CancellationToken cancellationToken) =>
        runner.RunAsync(deployment.Action(RollbackAction, "current", name), token => ProxmoxOutcome.Guard(async () =>
        {
            var (node, vmid) = (deployment.Container.Node, deployment.Container.VmId);
            await client.Tasks.WaitAsync(await client.Snapshots.RollbackAsync(node, vmid, name, token, start: true), token);
            return ReconcileResult.Succeeded;
        }), cancellationToken);
}
