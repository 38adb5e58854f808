using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>One unit's share of a pass: its identity, wave, dependencies, planned steps and (for a container) spec and live view.</summary>
/// <param name="Container">The desired container; null for services, flag sets and pruned containers.</param>
internal sealed record UnitWork(
    UnitKey Key,
    int Wave,
    string Fingerprint,
    ImmutableArray<UnitKey> DependsOn,
    ImmutableArray<PlanStep> Steps,
    ContainerSpec? Container,
    LiveContainer? Live)
{
    /// <summary>Every unit of the desired state plus every container the plan prunes, in wave order.</summary>
    public static IReadOnlyList<UnitWork> Of(Desired desired, LiveState live, Plan plan)
    {
        var waves = Waves.Of(desired);
        var steps = plan.Steps.ToLookup(s => (s.Unit.Kind, s.Unit.Name));
        var liveById = live.Containers.GroupBy(c => c.VmId).ToDictionary(g => g.Key, g => g.First());
        var units = new List<UnitWork>();
        foreach (var c in desired.Containers)
        {
            units.Add(new UnitWork(new UnitKey(UnitKind.Container, c.Name.Value), waves.Container(c.Name), SpecFingerprint.Of(c), [],
                [.. steps[(Planning.UnitKind.Container, c.Name.Value)]], c, liveById.GetValueOrDefault(c.VmId)));
        }

        var desiredNames = desired.Containers.Select(c => c.Name.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var pruned in plan.Steps.Where(s => s.Unit.Kind == Planning.UnitKind.Container && !desiredNames.Contains(s.Unit.Name)).GroupBy(s => s.Unit))
        {
            var vmid = pruned.Key.VmId!.Value;
            units.Add(new UnitWork(new UnitKey(UnitKind.Container, pruned.Key.Name), waves.Last, "prune:" + vmid, [], [.. pruned], null, liveById.GetValueOrDefault(vmid)));
        }

        foreach (var s in desired.Services)
        {
            units.Add(new UnitWork(new UnitKey(UnitKind.Service, s.Name.Value), waves.Service(s.Name), ServiceFingerprint(desired, s),
                [.. s.DependsOn.Select(d => new UnitKey(UnitKind.Service, d.Value))], [.. steps[(Planning.UnitKind.Service, s.Name.Value)]], null, null));
        }

        foreach (var f in desired.FeatureFlags)
        {
            units.Add(new UnitWork(new UnitKey(UnitKind.FeatureFlags, f.Name), waves.Service(f.Service), SpecFingerprint.Of(f), [],
                [.. steps[(Planning.UnitKind.FeatureFlags, f.Name)]], null, null));
        }

        return [.. units.OrderBy(u => u.Wave)];
    }

    /// <summary>
    /// A service's fingerprint covers the whole revision, not only its spec: a failed version is held back until the
    /// desired state changes anywhere (a fix may live in another document), so a new revision must wake it.
    /// </summary>
    public static string ServiceFingerprint(Desired desired, ServiceSpec spec) => $"{SpecFingerprint.Of(spec)}@{desired.Revision}";

    /// <summary>The units the desired state declares (pruned containers are not among them).</summary>
    public static IReadOnlyList<UnitKey> Declared(Desired desired) => [.. DeclaredWithFingerprints(desired).Select(d => d.Unit)];

    /// <summary>
    /// The declared units with the fingerprints the scheduler keys them by, straight from the desired lists: looking
    /// each unit up by name instead made reporting an outage quadratic in the number of units.
    /// </summary>
    public static IEnumerable<(UnitKey Unit, string Fingerprint)> DeclaredWithFingerprints(Desired desired) =>
        desired.Containers.Select(c => (new UnitKey(UnitKind.Container, c.Name.Value), SpecFingerprint.Of(c)))
            .Concat(desired.Services.Select(s => (new UnitKey(UnitKind.Service, s.Name.Value), ServiceFingerprint(desired, s))))
            .Concat(desired.FeatureFlags.Select(f => (new UnitKey(UnitKind.FeatureFlags, f.Name), SpecFingerprint.Of(f))));
}
