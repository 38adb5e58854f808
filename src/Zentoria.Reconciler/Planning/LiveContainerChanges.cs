using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>Writes a plan's container field changes into the live model, as Proxmox would once the step ran.</summary>
internal static class LiveContainerChanges
{
    public static LiveContainer Create(VmId vmId, IEnumerable<FieldChange> changes)
    {
        var blank = new LiveContainer(vmId, default, "", PowerState.Stopped, false, 0, 0, 0, 0, null, [], null, [], null);
        return changes.Aggregate(blank, Apply);
    }

    public static LiveContainer Apply(LiveContainer live, FieldChange change)
    {
        var network = live.Network ?? new LiveNetwork("", null, "", null);
        return change.Field switch
        {
            ContainerFields.Node => live with { Node = new NodeName(change.To ?? "") },
            ContainerFields.Hostname => live with { Hostname = change.To ?? "" },
            ContainerFields.State => live with { Status = change.To == "running" ? PowerState.Running : PowerState.Stopped },
            ContainerFields.OnBoot => live with { OnBoot = PlanValues.ParseBool(change.To) },
            ContainerFields.Cores => live with { Cores = PlanValues.ParseInt(change.To) },
            ContainerFields.MemoryMiB => live with { MemoryMiB = PlanValues.ParseInt(change.To) },
            ContainerFields.SwapMiB => live with { SwapMiB = PlanValues.ParseInt(change.To) },
            ContainerFields.DiskGiB => live with { DiskGiB = PlanValues.ParseInt(change.To) },
            ContainerFields.Ip => live with { Network = network with { Ip = change.To ?? "" } },
            ContainerFields.Gateway => live with { Network = network with { Gateway = change.To } },
            ContainerFields.Bridge => live with { Network = network with { Bridge = change.To ?? "" } },
            ContainerFields.Tags => live with { Tags = PlanValues.ParseTags(change.To) },
            ContainerFields.Description => live with { Description = change.To },
            _ => live,
        };
    }
}
