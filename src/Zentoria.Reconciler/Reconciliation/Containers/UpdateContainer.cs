using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>
/// Writes the differing config keys with the <c>digest</c> compare-and-set. On a digest conflict (someone else
/// wrote in between) it re-reads once and writes what still differs; a second conflict is a transient error.
/// </summary>
internal sealed class UpdateContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var fields = step.Step.Changes.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        var config = await client.Config.GetAsync(step.Node, step.VmId, cancellationToken);
        if (ConfigChanges.Of(config, step.Spec!, step.ManagedTag, fields) is not { } update)
        {
            return PreparedStep.Satisfied;
        }

        if (config.Lock is { } held)
        {
            return PreparedStep.Locked(step, held);
        }

        var before = string.Join(", ", step.Step.Changes.Select(c => $"{c.Field}={c.From}"));
        var after = string.Join(", ", step.Step.Changes.Select(c => $"{c.Field}={c.To}"));
        return PreparedStep.Mutate(step.Action("update", before, after), async token =>
        {
            try
            {
                await client.Config.UpdateAsync(step.Node, step.VmId, update, token);
            }
            catch (ProxmoxDigestConflictException)
            {
                var reread = await client.Config.GetAsync(step.Node, step.VmId, token);
                if (ConfigChanges.Of(reread, step.Spec!, step.ManagedTag, fields) is { } retry)
                {
                    await client.Config.UpdateAsync(step.Node, step.VmId, retry, token);
                }
            }

            return ReconcileResult.Succeeded;
        });
    }
}
