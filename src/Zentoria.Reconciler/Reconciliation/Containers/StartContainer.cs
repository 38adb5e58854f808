using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Starts a stopped container and waits for the task.</summary>
internal sealed class StartContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var status = await client.Status.GetCurrentAsync(step.Node, step.VmId, cancellationToken);
        if (status.Status == GuestPowerState.Running)
        {
            return PreparedStep.Satisfied;
        }

        if (status.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        return PreparedStep.Mutate(step.Action("start", "stopped", "running"), async token =>
        {
            await client.Tasks.WaitAsync(await client.Status.StartAsync(step.Node, step.VmId, token), token);
            return ReconcileResult.Succeeded;
        });
    }
}
