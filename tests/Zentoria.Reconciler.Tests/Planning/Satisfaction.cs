using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>
/// "Live satisfies desired", written from the rules and apart from the planner, so the property that the plan is
/// empty exactly when this holds compares two independent readings of the same rules.
/// </summary>
internal static class Satisfaction
{
    public static bool Holds(Desired desired, LiveState live) =>
        desired.Containers.All(c => ContainerHolds(c, live, desired.Environment.ManagedTag))
        && NothingToPrune(desired, live)
        && desired.Services.All(s => ServiceHolds(s, live))
        && desired.FeatureFlags.All(f => FlagsHold(f, live));

    private static bool ContainerHolds(ContainerSpec spec, LiveState state, string managedTag)
    {
        if (spec.Drift.Mode == DriftMode.Suspend)
        {
            return true;
        }

        var live = state.Containers.FirstOrDefault(c => c.VmId == spec.VmId);
        if (live is null || live.Node != spec.Node)
        {
            return false;
        }

        bool Same(string field, object? want, object? have) => spec.Drift.Ignores(field) || Equals(want, have);
        static string Text(string? s) => (s ?? "").TrimEnd('\n');
        var wantTags = spec.Tags.Append(managedTag).Select(t => t.ToLowerInvariant()).ToHashSet();
        var haveTags = live.Tags.Select(t => t.ToLowerInvariant()).ToHashSet();

        return Same("hostname", spec.Hostname, live.Hostname)
            && Same("onBoot", spec.OnBoot, live.OnBoot)
            && Same("resources.cores", spec.Resources.Cores, live.Cores)
            && Same("resources.memoryMiB", spec.Resources.MemoryMiB, live.MemoryMiB)
            && Same("resources.swapMiB", spec.Resources.SwapMiB, live.SwapMiB)
            && Same("resources.diskGiB", spec.Resources.DiskGiB, live.DiskGiB)
            && Same("network.ip", spec.Network.Ip, live.Network?.Ip)
            && Same("network.gateway", spec.Network.Gateway, live.Network?.Gateway)
            && Same("network.bridge", spec.Network.Bridge, live.Network?.Bridge)
            && (spec.Drift.Ignores("tags") || wantTags.SetEquals(haveTags))
            && Same("description", Text(spec.Description), Text(live.Description))
            && Same("state", spec.State, live.Status)
            && !(spec.State == PowerState.Running && live.Status == PowerState.Running && live.PendingKeys.Length > 0);
    }

    private static bool NothingToPrune(Desired desired, LiveState live) =>
        !desired.Environment.Prune
        || desired.Containers.IsEmpty
        || !live.Containers.Any(c =>
            desired.Containers.All(d => d.VmId != c.VmId)
            && c.Tags.Any(t => string.Equals(t, desired.Environment.ManagedTag, StringComparison.OrdinalIgnoreCase)));

    private static bool ServiceHolds(ServiceSpec spec, LiveState live)
    {
        var version = live.Services.FirstOrDefault(s => s.Name == spec.Name)?.Version;
        return spec.Version is null || version is null || spec.Drift.Mode == DriftMode.Suspend || spec.Drift.Ignores("version") || version == spec.Version;
    }

    private static bool FlagsHold(FeatureFlagSetSpec spec, LiveState state)
    {
        var live = state.FlagSets.FirstOrDefault(f => f.Name == spec.Name);
        if (live is null)
        {
            return true;
        }

        return live.Exists
            && live.Flags.Length == spec.Flags.Length
            && spec.Flags.All(f => live.Flags.Any(l => l.Name == f.Name && l.Enabled == f.Enabled && l.Rollout == f.Rollout));
    }
}
