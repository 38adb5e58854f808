using System.Collections.Frozen;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>The words the YAML uses for each enum, spelled as the shipped files and the JSON Schema spell them.</summary>
internal static class EnumNames
{
    public static readonly FrozenDictionary<string, PowerState> PowerStates =
        new Dictionary<string, PowerState> { ["running"] = PowerState.Running, ["stopped"] = PowerState.Stopped }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, RestartPolicy> RestartPolicies =
        new Dictionary<string, RestartPolicy> { ["Never"] = RestartPolicy.Never, ["IfNeeded"] = RestartPolicy.IfNeeded }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, DriftMode> DriftModes =
        new Dictionary<string, DriftMode> { ["correct"] = DriftMode.Correct, ["warn"] = DriftMode.Warn, ["suspend"] = DriftMode.Suspend }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, StrategyKind> Strategies =
        new Dictionary<string, StrategyKind>
        {
            ["Rolling"] = StrategyKind.Rolling, ["BlueGreen"] = StrategyKind.BlueGreen, ["Canary"] = StrategyKind.Canary,
        }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, HealthCheckKind> HealthChecks =
        new Dictionary<string, HealthCheckKind>
        {
            ["http"] = HealthCheckKind.Http, ["tcp"] = HealthCheckKind.Tcp, ["command"] = HealthCheckKind.Command,
        }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, GuestTransportMode> GuestTransports =
        new Dictionary<string, GuestTransportMode> { ["direct"] = GuestTransportMode.Direct, ["pct"] = GuestTransportMode.Pct }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, SyncWindowKind> SyncWindows =
        new Dictionary<string, SyncWindowKind> { ["allow"] = SyncWindowKind.Allow, ["deny"] = SyncWindowKind.Deny }.ToFrozenDictionary();
}
