using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Shuts a running container down cleanly, and stops it hard if it has not halted within <see cref="ShutdownTimeout"/>.</summary>
internal sealed class StopContainer(ProxmoxClient client)
{
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(60);

    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var status = await client.Status.GetCurrentAsync(step.Node, step.VmId, cancellationToken);
        if (status.Status != GuestPowerState.Running)
        {
            return PreparedStep.Satisfied;
        }

        if (status.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        return PreparedStep.Mutate(step.Action("stop", "running", "stopped"), async token =>
        {
            // forceStop makes Proxmox itself stop the container once the timeout passes: one task, no second call to lose.
            var task = await client.Status.ShutdownAsync(step.Node, step.VmId, token, ShutdownTimeout, forceStop: true);
            await client.Tasks.WaitAsync(task, token);
            return ReconcileResult.Succeeded;
        });
    }
}
