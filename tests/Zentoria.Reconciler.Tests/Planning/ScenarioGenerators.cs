using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

/// <summary>
/// Desired/live pairs built from small value pools, so converged, slightly drifted and badly drifted pairs all
/// come up often: a live value is the desired one, a neighbour of it, or missing.
/// </summary>
internal static class ScenarioGenerators
{
    private static readonly string[] IgnorableFields = ["resources.memoryMiB", "state", "resources.diskGiB", "tags", "network.ip", "description"];

    public static Gen<Scenario> Scenario =>
        from desired in Desired
        from live in Gen.Frequency((1, Gen.Constant(Lives.Of(desired))), (3, Live(desired)))
        from count in Gen.Choose(0, 2)
        from strays in Gen.ListOf(Stray, count)
        select new Scenario(desired, live with { Containers = live.Containers.AddRange(strays.DistinctBy(s => s.VmId)) });

    /// <summary>The same scenario with every list of both models in another order.</summary>
    public static Gen<Scenario> Shuffled(Scenario s) =>
        from containers in Gen.Shuffle(s.Desired.Containers.ToArray())
        from services in Gen.Shuffle(s.Desired.Services.ToArray())
        from flagSets in Gen.Shuffle(s.Desired.FeatureFlags.ToArray())
        from liveContainers in Gen.CollectToArray(s.Live.Containers, c => from tags in Gen.Shuffle(c.Tags.ToArray()) from pending in Gen.Shuffle(c.PendingKeys.ToArray()) select c with { Tags = [.. tags], PendingKeys = [.. pending] })
        from shuffledContainers in Gen.Shuffle(liveContainers)
        from liveServices in Gen.Shuffle(s.Live.Services.ToArray())
        from liveSets in Gen.CollectToArray(s.Live.FlagSets, f => Gen.Shuffle(f.Flags.ToArray()).Select(flags => f with { Flags = [.. flags] }))
        from shuffledSets in Gen.Shuffle(liveSets)
        select new Scenario(
            s.Desired with { Containers = [.. containers], Services = [.. services], FeatureFlags = [.. flagSets] },
            new LiveState([.. shuffledContainers], [.. liveServices], [.. shuffledSets]));

    private static Gen<Desired> Desired =>
        from prune in Gen.Elements(true, false)
        from slots in Gen.SubListOf(Enumerable.Range(0, 5))
        from containers in Gen.CollectToArray(slots, ContainerSpec)
        from services in Services([.. containers.Select(c => c.Name)])
        from flagSets in FlagSets([.. services.Select(s => s.Name)])
        select new Desired(Specs.Environment(prune), [.. containers], [.. services], [.. flagSets], "rev");

    private static Gen<ContainerSpec> ContainerSpec(int slot) =>
        from state in Gen.Elements(PowerState.Running, PowerState.Stopped)
        from onBoot in Gen.Elements(true, false)
        from cores in Gen.Choose(1, 4)
        from memory in Gen.Elements(512, 1024, 2048)
        from swap in Gen.Elements(0, 512)
        from disk in Gen.Elements(8, 16, 32)
        from ip in Gen.Elements("127.0.2.1/8", "127.0.2.2/8", "dhcp")
        from gateway in Gen.Elements<string?>(null, "127.0.0.1")
        from bridge in Gen.Elements("vmbr0", "vmbr1")
        from tags in Gen.SubListOf("db", "web", "zentoria")
        from description in Gen.Elements<string?>(null, "", "a container")
        from create in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from drift in Drift
        from restart in Gen.Elements(RestartPolicy.IfNeeded, RestartPolicy.Never)
        select new ContainerSpec(
            new ContainerName($"c{slot}"),
            new VmId(100 + slot),
            new NodeName("pve"),
            $"host-{slot}",
            state,
            onBoot,
            new ContainerResources(cores, memory, swap, disk),
            new ContainerNetwork(ip, gateway, bridge),
            [.. tags.Order(StringComparer.Ordinal)],
            description,
            create ? Specs.Template : null,
            drift,
            restart,
            SourceLocation.None);

    private static Gen<DriftPolicy> Drift => Gen.Frequency(
        (8, Gen.Constant(DriftPolicy.Default)),
        (1, Gen.Constant(Specs.Drift(DriftMode.Warn))),
        (1, Gen.Constant(Specs.Drift(DriftMode.Suspend))),
        (2, Gen.SubListOf(IgnorableFields).Select(f => Specs.Drift(DriftMode.Correct, [.. f]))));

    private static Gen<ImmutableArray<ServiceSpec>> Services(ContainerName[] containers)
    {
        if (containers.Length == 0)
        {
            return Gen.Constant(ImmutableArray<ServiceSpec>.Empty);
        }

        return Gen.Choose(0, 4).SelectMany(count => Gen.CollectToArray(Enumerable.Range(0, count), i =>
                from container in Gen.Elements(containers)
                from dependsOn in Gen.SubListOf(Enumerable.Range(0, i))
                from version in Gen.Elements<string?>(null, "v1", "v2")
                from strategy in Gen.Elements(StrategyKind.Rolling, StrategyKind.BlueGreen, StrategyKind.Canary)
                from drift in Gen.Frequency(
                    (8, Gen.Constant(DriftPolicy.Default)),
                    (1, Gen.Constant(Specs.Drift(DriftMode.Warn))),
                    (1, Gen.Constant(Specs.Drift(DriftMode.Suspend))),
                    (1, Gen.Constant(Specs.Drift(DriftMode.Correct, "version"))))
                select Specs.Service($"s{i}", container.Value, version, strategy, [.. dependsOn.Select(d => $"s{d}")]) with { Drift = drift })
            .Select(s => s.ToImmutableArray()));
    }

    private static Gen<ImmutableArray<FeatureFlagSetSpec>> FlagSets(ServiceName[] services)
    {
        if (services.Length == 0)
        {
            return Gen.Constant(ImmutableArray<FeatureFlagSetSpec>.Empty);
        }

        return Gen.Choose(0, 2).SelectMany(count => Gen.CollectToArray(Enumerable.Range(0, count), i =>
                from service in Gen.Elements(services)
                from names in Gen.SubListOf("f0", "f1", "f2")
                from flags in Gen.CollectToArray(names, Flag)
                select Specs.FlagSet($"fs{i}", service.Value, flags))
            .Select(s => s.ToImmutableArray()));
    }

    private static Gen<FlagSpec> Flag(string name) =>
        from enabled in Gen.Elements(true, false)
        from rollout in Gen.Elements(0, 5, 25, 50, 100)
        from progressive in Gen.Elements(true, false)
        select progressive ? Specs.Flag(name, enabled, rollout, 5, 25, 50, 100) : Specs.Flag(name, enabled, rollout);

    private static Gen<LiveState> Live(Desired desired) =>
        from containers in Gen.CollectToArray(desired.Containers, c => Gen.Frequency(
            (4, Gen.Constant<LiveContainer?>(Lives.Container(c))),
            (1, Gen.Constant<LiveContainer?>(null)),
            (4, Drifted(Lives.Container(c)).Select(l => (LiveContainer?)l))))
        from services in Gen.CollectToArray(desired.Services, s => Gen.Elements<LiveService?>(
            null, Lives.Service(s), Lives.Service(s), new LiveService(s.Name, null, false), new LiveService(s.Name, "v0", true)))
        from flagSets in Gen.CollectToArray(desired.FeatureFlags, FlagSet)
        select new LiveState([.. containers.OfType<LiveContainer>()], [.. services.OfType<LiveService>()], [.. flagSets.OfType<LiveFlagSet>()]);

    private static Gen<LiveContainer> Drifted(LiveContainer live) =>
        Gen.NonEmptyListOf(Gen.Elements<Func<LiveContainer, LiveContainer>>(
                l => l with { MemoryMiB = l.MemoryMiB * 2 },
                l => l with { Cores = l.Cores + 1, SwapMiB = 256 },
                l => l with { DiskGiB = l.DiskGiB / 2 },
                l => l with { DiskGiB = l.DiskGiB * 2 },
                l => l with { Status = l.Status == PowerState.Running ? PowerState.Stopped : PowerState.Running },
                l => l with { OnBoot = !l.OnBoot, Hostname = "renamed" },
                l => l.Network is null ? l : l with { Network = l.Network with { Ip = "127.0.9.9/8" } },
                l => l.Network is null ? l : l with { Network = l.Network with { Gateway = l.Network.Gateway is null ? "127.0.0.2" : null, Bridge = "vmbr7" } },
                l => l with { Network = null },
                l => l with { Tags = [.. l.Tags.Skip(1)] },
                l => l with { Tags = [.. l.Tags.Select(t => t.ToUpperInvariant()), "extra"] },
                l => l with { Description = l.Description is null ? "changed" : null },
                l => l with { PendingKeys = ["nameserver", "features"] },
                l => l with { Lock = "backup" },
                l => l with { Node = new NodeName("pve2") }))
            .Select(mutations => mutations.Aggregate(live, (l, m) => m(l)));

    private static Gen<LiveFlagSet?> FlagSet(FeatureFlagSetSpec spec)
    {
        var exact = Lives.FlagSet(spec);
        return Gen.Elements<LiveFlagSet?>(
            null,
            exact,
            exact,
            exact with { Exists = false, Flags = [] },
            exact with { Flags = [.. exact.Flags.Select(f => f with { Rollout = f.Rollout == 0 ? 25 : f.Rollout / 5 })] },
            exact with { Flags = [.. exact.Flags.Select(f => f with { Enabled = !f.Enabled })] },
            exact with { Flags = [.. exact.Flags.Skip(1), new LiveFlag("zz-stale", true, 100)] });
    }

    private static Gen<LiveContainer> Stray =>
        from vmid in Gen.Choose(200, 203)
        from managed in Gen.Elements(true, false)
        from running in Gen.Elements(true, false)
        select Lives.Container(Specs.Container($"stray{vmid}", vmid)) with
        {
            Hostname = $"stray-{vmid}",
            Tags = managed ? ["ZENTORIA-MANAGED", "old"] : ["old"],
            Status = running ? PowerState.Running : PowerState.Stopped,
        };
}
