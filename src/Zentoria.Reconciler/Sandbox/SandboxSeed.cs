using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Flags;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>
/// Puts the desired containers into the sandbox's simulator, drifted on purpose so the first pass has work:
/// CT 443 stopped, CT 441 with half its memory, CT 444 missing. Every other container matches the desired state.
/// The simulated guests get each flag set's file, with <see cref="DriftedFlag"/> at <see cref="DriftedRollout"/> %,
/// and every service at its desired version but one, <see cref="StaleVersion"/> behind: the backend's
/// (<see cref="StaleService"/>) by default; in <see cref="SandboxScenario.BrokenRelease"/> the AI orchestrator's
/// (<see cref="BrokenService"/>), whose desired version fails its health checks.
/// </summary>
internal static class SandboxSeed
{
    public static readonly VmId Stopped = new(443);
    public static readonly VmId HalfMemory = new(441);
    public static readonly VmId Missing = new(444);

    public const string DriftedFlag = "websocket-compression";

    public const string StaleService = "mcp-gateway";

    public const string BrokenService = "ai-orchestrator";

    /// <summary>The Canary service <c>--scenario bad-canary</c> releases.</summary>
    public const string BadCanaryService = "frontend";

    /// <summary>
    /// Health answers the bad canary gives before it falls over: enough for the probes and the check before its first
    /// step (four), too few for the analysis one interval later.
    /// </summary>
    public const int BadCanaryHealthyAnswers = 4;

    /// <summary>The version a service starts one release behind at.</summary>
    public const string StaleVersion = "v1.4.1";

    public const int DriftedRollout = 25;

    /// <summary>The revision the seeded files claim; no desired state has it, so the rewritten file shows its own.</summary>
    public const string SeedRevision = "sandbox-seed";

    public static void ApplyGuests(SimulatedGuests guests, Desired desired, SandboxScenario scenario = SandboxScenario.Default)
    {
        var behind = scenario switch
        {
            SandboxScenario.BrokenRelease => BrokenService,
            SandboxScenario.BadCanary => BadCanaryService,
            _ => StaleService,
        };
        SandboxGuests.AddServices(guests, desired, s => s.Version is null ? null : s.Name.Value == behind ? StaleVersion : s.Version);
        if (scenario == SandboxScenario.BrokenRelease && desired.FindService(new ServiceName(BrokenService)) is { Version: { } release })
        {
            guests.Service(BrokenService)!.MarkBroken(release);
        }

        if (scenario == SandboxScenario.BadCanary && desired.FindService(new ServiceName(BadCanaryService)) is { Version: { } canary })
        {
            guests.Service(BadCanaryService)!.MarkBrokenAfter(canary, BadCanaryHealthyAnswers);
        }

        foreach (var set in desired.FeatureFlags)
        {
            if (FlagSetObserver.ContainerOf(desired, set) is not { } container)
            {
                continue;
            }

            var flags = set.Flags.Select(f => new LiveFlag(f.Name, f.Enabled, f.Name == DriftedFlag ? DriftedRollout : f.Rollout));
            guests.Shell(container.Name.Value).Seed(set.File, FlagFile.Of(SeedRevision, flags).ToBytes());
        }
    }

    /// <param name="drifted">False puts every container in exactly as desired (tests that start from a converged stack).</param>
    public static void Apply(SimulatedCluster cluster, Desired desired, bool drifted = true)
    {
        foreach (var spec in desired.Containers.Where(c => !drifted || c.VmId != Missing))
        {
            cluster.AddContainer(new ContainerSeed
            {
                VmId = spec.VmId.Value,
                Node = spec.Node.Value,
                Hostname = spec.Hostname,
                Running = spec.State == PowerState.Running && (!drifted || spec.VmId != Stopped),
                Cores = spec.Resources.Cores,
                MemoryMiB = drifted && spec.VmId == HalfMemory ? spec.Resources.MemoryMiB / 2 : spec.Resources.MemoryMiB,
                SwapMiB = spec.Resources.SwapMiB,
                RootfsGiB = spec.Resources.DiskGiB,
                RootfsStorage = spec.Create?.Storage ?? "local-lvm",
                Net0 = Net0.With(null, spec.Network),
                Tags = PlanValues.EffectiveTags(spec, desired.Environment.ManagedTag),
                Description = spec.Description?.TrimEnd('\n'),
                OnBoot = spec.OnBoot,
                Unprivileged = spec.Create?.Unprivileged ?? true,
            });
        }
    }
}
