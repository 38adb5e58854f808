using Zentoria.Reconciler.Reconciliation.Rollouts;

namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

/// <summary>
/// A small model of the live system a blue/green release acts on (the original, the clone, the upstream file), which
/// carries out each decided step and checks after every one that traffic only ever reaches a side that serves.
/// </summary>
internal sealed class BlueGreenWorld
{
    public const string Previous = "v1.4.1";
    public const string Desired = "v1.4.2";

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private string? cloneInstalled;

    public string OriginalVersion { get; private set; } = Previous;

    public bool? OriginalHealthy { get; private set; }

    public CloneState Clone { get; private set; } = CloneState.Absent;

    public bool? CloneHealthy { get; private set; }

    public UpstreamSide Upstream { get; private set; } = UpstreamSide.Original;

    public string? FailedVersion { get; private set; }

    public bool AbortRequested { get; set; }

    public DateTimeOffset Now { get; set; } = Start;

    public TimeSpan KeepClone { get; init; }

    public DateTimeOffset? CloneIdleSince { get; private set; }

    /// <summary>Versions that fail their health check on the clone, and on the original.</summary>
    public HashSet<string> BrokenOnClone { get; } = [];

    public HashSet<string> BrokenOnOriginal { get; } = [];

    public List<BlueGreenDecision> Decisions { get; } = [];

    public IEnumerable<BlueGreenStep> Steps => Decisions.Select(d => d.Step);

    public BlueGreenFacts Facts => new(
        Desired, Previous, OriginalVersion, OriginalHealthy, Clone, Clone == CloneState.Running ? cloneInstalled : null, CloneHealthy,
        Upstream, FailedVersion, AbortRequested, Start, TimeSpan.FromMinutes(30), CloneIdleSince, KeepClone, Now);

    /// <summary>Decides and acts until the release rests (Done, Hold or Wait), at most <paramref name="limit"/> steps.</summary>
    public BlueGreenDecision Run(int limit = 40) =>
        StepLoop.UntilRest(StepOnce, d => d.Step is BlueGreenStep.Done or BlueGreenStep.Hold or BlueGreenStep.Wait, limit, () => string.Join(", ", Steps));

    public BlueGreenDecision StepOnce()
    {
        var decision = BlueGreenRelease.Decide(Facts);
        Decisions.Add(decision);
        if (decision.Fails is not null)
        {
            FailedVersion = Desired;
        }

        Apply(decision.Step);
        Assert.That(TrafficServes(), Is.True, $"traffic reaches a side that does not serve after {string.Join(", ", Steps)}");
        return decision;
    }

    /// <summary>What a restarted operator knows: everything observable, nothing it only remembered (this pass's health checks).</summary>
    public void Restart() => (OriginalHealthy, CloneHealthy) = (null, null);

    private void Apply(BlueGreenStep step)
    {
        switch (step)
        {
            case BlueGreenStep.CreateClone:
                (Clone, cloneInstalled, CloneHealthy) = (CloneState.Stopped, OriginalVersion, null);
                break;
            case BlueGreenStep.StartClone:
                Clone = CloneState.Running;
                break;
            case BlueGreenStep.DeployToClone:
                (cloneInstalled, CloneHealthy) = (Desired, null);
                break;
            case BlueGreenStep.CheckClone:
                CloneHealthy = Clone == CloneState.Running && !BrokenOnClone.Contains(cloneInstalled!);
                break;
            case BlueGreenStep.SwitchToClone:
                Upstream = UpstreamSide.Clone;
                break;
            case BlueGreenStep.DeployToOriginal:
                (OriginalVersion, OriginalHealthy) = (Desired, null);
                break;
            case BlueGreenStep.DeployPreviousToOriginal:
                (OriginalVersion, OriginalHealthy) = (Previous, null);
                break;
            case BlueGreenStep.CheckOriginal:
                OriginalHealthy = !BrokenOnOriginal.Contains(OriginalVersion);
                break;
            case BlueGreenStep.SwitchToOriginal:
                (Upstream, CloneIdleSince) = (UpstreamSide.Original, Now);
                break;
            case BlueGreenStep.DestroyClone:
                (Clone, cloneInstalled, CloneHealthy) = (CloneState.Absent, null, null);
                break;
        }
    }

    private bool TrafficServes() => Upstream switch
    {
        UpstreamSide.Original => !BrokenOnOriginal.Contains(OriginalVersion),
        UpstreamSide.Clone => Clone == CloneState.Running && !BrokenOnClone.Contains(cloneInstalled!),
        _ => false,
    };
}
