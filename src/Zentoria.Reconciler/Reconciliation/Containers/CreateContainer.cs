using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Creates a missing container from its spec's <c>create</c>, then waits for the task.</summary>
/// <remarks>
/// Existence is re-checked in the cluster list, not with a per-guest read, which the client would retry as a
/// transient "does not exist". The client itself never re-sends a create blindly after a lost answer.
/// </remarks>
internal sealed class CreateContainer(ProxmoxClient client)
{
    public async Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        var spec = step.Spec!;
        if (spec.Create is not { } template)
        {
            return PreparedStep.Blocked(ReconcileResult.Terminal($"{step.CtLabel} does not exist and its spec has no 'create'."));
        }

        var listed = await client.Cluster.GetContainersAsync(cancellationToken);
        if (listed.Any(r => r.VmId == step.VmId))
        {
            return PreparedStep.Satisfied;
        }

        string? keys = null;
        if (template.SshPublicKeysFile is { } keysFile)
        {
            if (!File.Exists(keysFile))
            {
                return PreparedStep.Blocked(ReconcileResult.Terminal($"The SSH public keys file '{keysFile}' of {step.CtLabel} does not exist."));
            }

            keys = await File.ReadAllTextAsync(keysFile, cancellationToken);
        }

        var request = new ContainerCreateRequest
        {
            VmId = step.VmId,
            OsTemplate = template.OsTemplate,
            Hostname = spec.Hostname,
            Cores = spec.Resources.Cores,
            MemoryMiB = spec.Resources.MemoryMiB,
            SwapMiB = spec.Resources.SwapMiB,
            RootFs = $"{template.Storage}:{spec.Resources.DiskGiB}",
            Networks = new Dictionary<int, string> { [0] = Net0.With(null, spec.Network) },
            Unprivileged = template.Unprivileged,
            OnBoot = spec.OnBoot,
            Tags = PlanValues.EffectiveTags(spec, step.ManagedTag),
            Description = spec.Description?.TrimEnd('\n') is { Length: > 0 } text ? text : null,
            SshPublicKeys = keys,
        };
        var facts = new Dictionary<string, string> { ["template"] = template.OsTemplate, ["storage"] = template.Storage };
        return PreparedStep.Mutate(step.Action("create", null, $"{spec.Hostname} on {step.Node}", facts), async token =>
        {
            var task = await client.Containers.CreateAsync(step.Node, request, token);
            await client.Tasks.WaitAsync(task, token);
            return ReconcileResult.Succeeded;
        });
    }
}
