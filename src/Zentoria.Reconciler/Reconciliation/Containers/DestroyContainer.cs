using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Destroys a pruned container: only one that still carries the managed tag, and only once it is stopped.</summary>
internal sealed class DestroyContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var listed = (await client.Cluster.GetContainersAsync(cancellationToken)).FirstOrDefault(r => r.VmId == step.VmId);
        if (listed is null)
        {
            return PreparedStep.Satisfied;
        }

        var tag = step.ManagedTag.Trim().ToLowerInvariant();
        if (tag.Length == 0 || !PlanValues.NormaliseTags(listed.Tags).Contains(tag, StringComparer.Ordinal))
        {
            return PreparedStep.Blocked(ReconcileResult.Terminal($"{step.CtLabel} no longer carries the managed tag '{tag}'; the operator will not destroy it."));
        }

        if (listed.PowerState != GuestPowerState.Stopped)
        {
            return PreparedStep.Blocked(ReconcileResult.Transient($"{step.CtLabel} is not stopped yet; it is destroyed only once stopped."));
        }

        if (listed.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        return PreparedStep.Mutate(step.Action("destroy", listed.Name, null), async token =>
        {
            await client.Tasks.WaitAsync(await client.Containers.DestroyAsync(step.Node, step.VmId, token, purge: true), token);
            return ReconcileResult.Succeeded;
        });
    }
}
