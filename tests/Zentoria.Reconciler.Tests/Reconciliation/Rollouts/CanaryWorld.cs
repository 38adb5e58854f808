using System.Collections.Immutable;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.Guests.Health;
using Zentoria.Reconciler.Reconciliation.Rollouts;

namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

/// <summary>
/// A small model of the live system a canary release acts on (the original, the clone, the weighted upstream, the
/// journaled ladder, the clock), which carries out each decided step and checks after every one that traffic only
/// reaches a side that serves.
/// </summary>
internal sealed class CanaryWorld
{
    public const string Previous = BlueGreenWorld.Previous;
    public const string Desired = BlueGreenWorld.Desired;

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private string? cloneInstalled;

    public string OriginalVersion { get; private set; } = Previous;

    public bool? OriginalHealthy { get; private set; }

    public CloneState Clone { get; private set; } = CloneState.Absent;

    public bool? CloneHealthy { get; private set; }

    /// <summary>The canary's live percent: 0 is all on the original, 100 all on the clone.</summary>
    public int Weight { get; private set; }

    public CanaryProgress? Progress { get; private set; }

    public string? FailedVersion { get; private set; }

    public RolloutRequestKind? Request { get; set; }

    public DateTimeOffset Now { get; set; } = Start;

    public int FailureThreshold { get; init; } = 1;

    public TimeSpan ProgressDeadline { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Verdicts the analyses give in turn; Pass once they run out.</summary>
    public Queue<AnalysisVerdict> Verdicts { get; } = [];

    public HashSet<string> BrokenOnClone { get; } = [];

    public HashSet<string> BrokenOnOriginal { get; } = [];

    public List<CanaryDecision> Decisions { get; } = [];

    /// <summary>Every weight the upstream had, in order, changes only.</summary>
    public List<int> Weights { get; } = [0];

    public IEnumerable<CanaryStep> Steps => Decisions.Select(d => d.Step);

    public UpstreamSide Upstream => Weight switch { 0 => UpstreamSide.Original, 100 => UpstreamSide.Clone, _ => UpstreamSide.Split };

    public CanaryFacts Facts => new(
        Desired, Previous, OriginalVersion, OriginalHealthy, Clone, Clone == CloneState.Running ? cloneInstalled : null, CloneHealthy,
        Upstream, Weight, [5, 25, 100], Interval, Progress, FailureThreshold, FailedVersion, Request, Progress?.StartedAt ?? Start, ProgressDeadline, Now);

    /// <summary>Decides and acts (waiting out intervals) until the release rests (Done or Hold), at most <paramref name="limit"/> steps.</summary>
    public CanaryDecision Run(int limit = 80) =>
        StepLoop.UntilRest(StepOnce, d => d.Step is CanaryStep.Done or CanaryStep.Hold, limit, () => string.Join(", ", Steps));

    public CanaryDecision StepOnce()
    {
        var decision = CanaryRelease.Decide(Facts);
        Decisions.Add(decision);
        if (decision.Fails is not null)
        {
            FailedVersion = Desired;
        }

        Apply(decision);
        Assert.That(TrafficServes(), Is.True, $"traffic reaches a side that does not serve after {string.Join(", ", Steps)}");
        return decision;
    }

    /// <summary>What a restarted operator knows: everything observable and journaled, not this pass's health checks.</summary>
    public void Restart() => (OriginalHealthy, CloneHealthy) = (null, null);

    private void Apply(CanaryDecision decision)
    {
        switch (decision.Step)
        {
            case CanaryStep.CreateClone:
                (Clone, cloneInstalled, CloneHealthy) = (CloneState.Stopped, OriginalVersion, null);
                Progress ??= CanaryProgress.Start(Now);
                break;
            case CanaryStep.StartClone:
                Clone = CloneState.Running;
                break;
            case CanaryStep.DeployToClone:
                (cloneInstalled, CloneHealthy) = (Desired, null);
                break;
            case CanaryStep.CheckClone:
                CloneHealthy = Clone == CloneState.Running && !BrokenOnClone.Contains(cloneInstalled!);
                break;
            case CanaryStep.SetWeight:
                Progress = (Progress ?? CanaryProgress.Start(Now)).Entered(decision.StepIndex!.Value, Now);
                SetWeight(decision.Weight!.Value);
                break;
            case CanaryStep.Analyse:
                var verdict = Verdicts.Count > 0 ? Verdicts.Dequeue() : AnalysisVerdict.Pass;
                Progress = Progress!.Analysed(Run(verdict), Now);
                break;
            case CanaryStep.Wait:
                Now += decision.Wait!.Value;
                Restart();
                break;
            case CanaryStep.DeployToOriginal:
                (OriginalVersion, OriginalHealthy) = (Desired, null);
                break;
            case CanaryStep.DeployPreviousToOriginal:
                (OriginalVersion, OriginalHealthy) = (Previous, null);
                break;
            case CanaryStep.CheckOriginal:
                OriginalHealthy = !BrokenOnOriginal.Contains(OriginalVersion);
                break;
            case CanaryStep.SwitchToOriginal:
                SetWeight(0);
                break;
            case CanaryStep.DestroyClone:
                (Clone, cloneInstalled, CloneHealthy) = (CloneState.Absent, null, null);
                break;
        }
    }

    private void SetWeight(int weight)
    {
        Weight = weight;
        if (Weights[^1] != weight)
        {
            Weights.Add(weight);
        }
    }

    private static AnalysisRun Run(AnalysisVerdict verdict)
    {
        // A failing run breaches a metric with a healthy canary: the reason must come out as analysis, not health.
        return new AnalysisRun(verdict, 100, [], new HealthReport(true, [new HealthAttempt(1, true, "checked")], null), verdict.ToString().ToLowerInvariant());
    }

    private bool TrafficServes() =>
        (Weight == 100 || !BrokenOnOriginal.Contains(OriginalVersion))
        && (Weight == 0 || (Clone == CloneState.Running && !BrokenOnClone.Contains(cloneInstalled!)));
}
