using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>Desired-state values for planner tests, with defaults a test overrides through <c>with</c>.</summary>
internal static class Specs
{
    public const string ManagedTag = EnvironmentSpec.DefaultManagedTag;

    public static readonly ContainerTemplate Template = new("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "local-lvm", true, null);

    public static EnvironmentSpec Environment(bool prune = false, string managedTag = ManagedTag) =>
        new("test", new ProxmoxEndpointSpec("http://127.0.0.1:18006", null, "TOKEN", null, false), null, prune, managedTag, ApprovalSpec.None, [], SourceLocation.None);

    public static ContainerSpec Container(string name, int vmid, PowerState state = PowerState.Running) => new(
        new ContainerName(name),
        new VmId(vmid),
        new NodeName("pve"),
        $"zentoria-{name}",
        state,
        true,
        new ContainerResources(2, 2048, 512, 16),
        new ContainerNetwork($"127.0.2.{vmid % 256}/8", null, "vmbr0"),
        ["zentoria", name],
        $"The {name} container",
        Template,
        DriftPolicy.Default,
        RestartPolicy.IfNeeded,
        SourceLocation.None);

    public static ServiceSpec Service(string name, string container, string? version = "v1.0.0", StrategyKind strategy = StrategyKind.Rolling, params string[] dependsOn) => new(
        new ServiceName(name),
        new ContainerName(container),
        version is null ? null : $"ghcr.io/example/{name}",
        version,
        3000,
        [.. dependsOn.Select(d => new ServiceName(d))],
        version is null ? null : new CommandTemplate(["/opt/deploy.sh", "{image}", "{version}"]),
        DeploySettings.Default,
        HealthSpec.Default,
        strategy == StrategyKind.Rolling ? StrategySpec.Rolling : new StrategySpec(strategy, new VmId(411), null, StrategySpec.DefaultCanarySteps, TimeSpan.FromMinutes(10)),
        null,
        null,
        DriftPolicy.Default,
        SourceLocation.None);

    public static FeatureFlagSetSpec FlagSet(string name, string service, params FlagSpec[] flags) =>
        new(name, new ServiceName(service), "/opt/zentoria/config/feature-flags.json", null, [.. flags.OrderBy(f => f.Name, StringComparer.Ordinal)], SourceLocation.None);

    public static FlagSpec Flag(string name, bool enabled, int rollout, params int[] steps) =>
        new(name, enabled, rollout, [.. steps], steps.Length > 0 ? TimeSpan.FromHours(1) : null);

    public static Desired Desired(
        IEnumerable<ContainerSpec>? containers = null,
        IEnumerable<ServiceSpec>? services = null,
        IEnumerable<FeatureFlagSetSpec>? flagSets = null,
        EnvironmentSpec? environment = null) =>
        new(environment ?? Environment(), [.. containers ?? []], [.. services ?? []], [.. flagSets ?? []], "rev1");

    public static DriftPolicy Drift(DriftMode mode, params string[] ignore) => new(mode, [.. ignore]);
}
