using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>Live values that exactly satisfy a desired state, for tests to bend one field at a time.</summary>
internal static class Lives
{
    public static LiveContainer Container(ContainerSpec spec, string managedTag = Specs.ManagedTag) => new(
        spec.VmId,
        spec.Node,
        spec.Hostname,
        spec.State,
        spec.OnBoot,
        spec.Resources.Cores,
        spec.Resources.MemoryMiB,
        spec.Resources.SwapMiB,
        spec.Resources.DiskGiB,
        new LiveNetwork(spec.Network.Ip, spec.Network.Gateway, spec.Network.Bridge, "BC:24:11:00:00:01"),
        [.. spec.Tags.Append(managedTag).Distinct().Order(StringComparer.Ordinal)],
        spec.Description,
        [],
        null);

    public static LiveService Service(ServiceSpec spec, string? version = null) => new(spec.Name, version ?? spec.Version, true);

    public static LiveFlagSet FlagSet(FeatureFlagSetSpec spec) =>
        new(spec.Name, true, [.. spec.Flags.Select(f => new LiveFlag(f.Name, f.Enabled, f.Rollout))]);

    public static LiveState Of(Desired desired) => new(
        [.. desired.Containers.Select(c => Container(c, desired.Environment.ManagedTag))],
        [.. desired.Services.Select(s => Service(s))],
        [.. desired.FeatureFlags.Select(FlagSet)]);

    public static LiveState Of(params LiveContainer[] containers) => new([.. containers], [], []);
}
