using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>The config fields one update step carries, under the paths the plan and <c>ignoreFields</c> use.</summary>
internal static class ContainerFields
{
    public const string Node = "node";
    public const string Hostname = "hostname";
    public const string State = "state";
    public const string OnBoot = "onBoot";
    public const string Cores = "resources.cores";
    public const string MemoryMiB = "resources.memoryMiB";
    public const string SwapMiB = "resources.swapMiB";
    public const string DiskGiB = "resources.diskGiB";
    public const string Ip = "network.ip";
    public const string Gateway = "network.gateway";
    public const string Bridge = "network.bridge";
    public const string Tags = "tags";
    public const string Description = "description";

    /// <summary>Every field a new container is created with.</summary>
    public static ImmutableArray<FieldChange> ForCreate(ContainerSpec spec, string managedTag)
    {
        var fields = Desired(spec, managedTag).ToList();
        fields.Insert(0, (Node, spec.Node.Value));
        fields.Insert(fields.FindIndex(f => f.Field == SwapMiB) + 1, (DiskGiB, PlanValues.Of(spec.Resources.DiskGiB)));
        return [.. fields.Where(f => f.Value is not null).Select(f => new FieldChange(f.Field, null, f.Value))];
    }

    /// <summary>The config fields (not disk, power state or node, which have steps of their own) that differ.</summary>
    public static ImmutableArray<FieldChange> Diff(ContainerSpec spec, LiveContainer live, string managedTag) =>
    [
        // Desired and Live list the same fields in the same order; a pass at 10,000 containers diffs every one.
        .. Desired(spec, managedTag).Zip(Live(live), (desired, current) => (desired.Field, From: current.Value, To: desired.Value))
            .Where(f => !string.Equals(f.From, f.To, StringComparison.Ordinal))
            .Select(f => new FieldChange(f.Field, f.From, f.To)),
    ];

    // Proxmox drops an empty description, so "none" and "empty" are the same value; it also ends a stored
    // description with a newline the live model strips, so a YAML block scalar's final newline must not count.
    private static string? Text(string? value) => value?.TrimEnd('\n') is { Length: > 0 } text ? text : null;

    private static IEnumerable<(string Field, string? Value)> Desired(ContainerSpec spec, string managedTag) =>
    [
        (Hostname, spec.Hostname),
        (OnBoot, PlanValues.Of(spec.OnBoot)),
        (Cores, PlanValues.Of(spec.Resources.Cores)),
        (MemoryMiB, PlanValues.Of(spec.Resources.MemoryMiB)),
        (SwapMiB, PlanValues.Of(spec.Resources.SwapMiB)),
        (Ip, spec.Network.Ip),
        (Gateway, spec.Network.Gateway),
        (Bridge, spec.Network.Bridge),
        (Tags, PlanValues.Of(PlanValues.EffectiveTags(spec, managedTag))),
        (Description, Text(spec.Description)),
    ];

    private static IEnumerable<(string Field, string? Value)> Live(LiveContainer live) =>
    [
        (Hostname, live.Hostname),
        (OnBoot, PlanValues.Of(live.OnBoot)),
        (Cores, PlanValues.Of(live.Cores)),
        (MemoryMiB, PlanValues.Of(live.MemoryMiB)),
        (SwapMiB, PlanValues.Of(live.SwapMiB)),
        (Ip, live.Network?.Ip),
        (Gateway, live.Network?.Gateway),
        (Bridge, live.Network?.Bridge),
        (Tags, PlanValues.Of(PlanValues.NormaliseTags(live.Tags))),
        (Description, Text(live.Description)),
    ];
}
