using System.Globalization;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Grows the root disk to the desired size; never shrinks (the planner refuses that, and so does this).</summary>
internal sealed class ResizeContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var config = await client.Config.GetAsync(step.Node, step.VmId, cancellationToken);
        var current = RootFs.SizeBytes(config.RootFs);
        var desired = step.Spec!.Resources.DiskGiB * RootFs.GiB;
        if (current is null)
        {
            return PreparedStep.Blocked(ReconcileResult.Terminal($"{step.CtLabel} has no rootfs size to grow."));
        }

        if (current >= desired)
        {
            return PreparedStep.Satisfied;
        }

        if (config.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        var before = (current.Value / (double)RootFs.GiB).ToString("0.##", CultureInfo.InvariantCulture) + " GiB";
        return PreparedStep.Mutate(step.Action("resize", before, $"{step.Spec.Resources.DiskGiB} GiB"), async token =>
        {
            var task = await client.Config.GrowDiskAsync(step.Node, step.VmId, "rootfs", desired - current.Value, token, config.Digest);
            await client.Tasks.WaitAsync(task, token);
            return ReconcileResult.Succeeded;
        });
    }
}
