using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;

namespace Zentoria.Reconciler.Reconciliation.Observe;

/// <summary>Turns one <c>/cluster/resources</c> entry and its <c>/pending</c> list into the planner's live model.</summary>
internal static class LiveContainerMapper
{
    public static LiveContainer Map(VmId vmid, NodeName node, ClusterResource resource, IReadOnlyList<PendingConfigValue> config)
    {
        // The "value" of each key is what runs now; "pending" is what the next start applies.
        var running = config.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);
        var lockName = running.GetValueOrDefault("lock") is { Length: > 0 } held ? held : resource.Lock;
        return new LiveContainer(
            vmid,
            node,
            running.GetValueOrDefault("hostname") ?? resource.Name ?? "",
            resource.PowerState == GuestPowerState.Running ? PowerState.Running : PowerState.Stopped,
            running.GetValueOrDefault("onboot") is "1" or "true",
            Int(running.GetValueOrDefault("cores"), 1),
            Int(running.GetValueOrDefault("memory"), 512),
            Int(running.GetValueOrDefault("swap"), 512),
            RootFs.WholeGiB(running.GetValueOrDefault("rootfs")),
            Net0.ToLive(running.GetValueOrDefault("net0")),
            PlanValues.NormaliseTags(ProxmoxTags.Parse(running.GetValueOrDefault("tags"))),
            running.GetValueOrDefault("description")?.TrimEnd('\n') is { Length: > 0 } text ? text : null,
            [.. config.Where(v => v.IsPending && v.Key != "digest").Select(v => v.Key).Order(StringComparer.Ordinal)],
            lockName);
    }

    // Proxmox leaves out keys at their default: one core, 512 MiB memory and 512 MiB swap for a container.
    private static int Int(string? text, int fallback) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
