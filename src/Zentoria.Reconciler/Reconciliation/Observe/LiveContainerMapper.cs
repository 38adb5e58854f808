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
        // The "value" of each key is what runs now; "pending" is what the next start applies. Ten keys out of a list of
        // about twenty: scanning it costs less than a dictionary built for every container of every pass.
        string? Running(string key)
        {
            for (var i = 0; i < config.Count; i++)
            {
                if (config[i].Key == key)
                {
                    return config[i].Value;
                }
            }

            return null;
        }

        var lockName = Running("lock") is { Length: > 0 } held ? held : resource.Lock;
        return new LiveContainer(
            vmid,
            node,
            Running("hostname") ?? resource.Name ?? "",
            resource.PowerState == GuestPowerState.Running ? PowerState.Running : PowerState.Stopped,
            Running("onboot") is "1" or "true",
            Int(Running("cores"), 1),
            Int(Running("memory"), 512),
            Int(Running("swap"), 512),
            RootFs.WholeGiB(Running("rootfs")),
            Net0.ToLive(Running("net0")),
            PlanValues.NormaliseTags(ProxmoxTags.Parse(Running("tags"))),
            Running("description")?.TrimEnd('\n') is { Length: > 0 } text ? text : null,
            [.. config.Where(v => v.IsPending && v.Key != "digest").Select(v => v.Key).Order(StringComparer.Ordinal)],
            lockName);
    }

    // Proxmox leaves out keys at their default: one core, 512 MiB memory and 512 MiB swap for a container.
    private static int Int(string? text, int fallback) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
