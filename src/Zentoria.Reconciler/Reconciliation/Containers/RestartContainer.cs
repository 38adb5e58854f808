using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Reboots a running container so Proxmox applies the changes it holds pending; planned only where the restart policy allows it.</summary>
internal sealed class RestartContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var status = await client.Status.GetCurrentAsync(step.Node, step.VmId, cancellationToken);
        var pending = (await client.Config.GetPendingAsync(step.Node, step.VmId, cancellationToken))
            .Where(v => v.IsPending && v.Key != "digest")
            .Select(v => v.Key)
            .ToList();
        if (status.Status != GuestPowerState.Running || pending.Count == 0)
        {
            return PreparedStep.Satisfied;
        }

        if (status.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        return PreparedStep.Mutate(step.Action("restart", "pending " + string.Join(", ", pending), "applied"), async token =>
        {
            await client.Tasks.WaitAsync(await client.Status.RebootAsync(step.Node, step.VmId, token), token);
            return ReconcileResult.Succeeded;
        });
    }
}
