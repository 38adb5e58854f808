using System.Globalization;
using Zentoria.Reconciler.Analysis;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// A canary release as a function from observed facts to the next step: the clone is prepared as for blue/green,
/// then takes the strategy's weights one step at a time (5, 25, 100 % by default); each step is watched for an
/// interval and analysed. A pass moves on, an inconclusive analysis holds (silence never promotes), failures up to the
/// threshold, an abort or the progress deadline withdraw it: weights 100/0, clone destroyed. The last step passed (or
/// a promote) updates the original in place while the canary takes all traffic, then traffic returns to it.
/// </summary>
/// <remarks>
/// Level-triggered like <see cref="BlueGreenRelease"/>, whose decisions it reuses before the first weight and after
/// the last (preparing, promoting, reverting). Rules that hold whatever is observed: traffic to the canary grows only
/// after it passed a health check this pass; nothing promotes on an inconclusive analysis; the clone is destroyed only
/// while it has no traffic.
/// </remarks>
internal static class CanaryRelease
{
    public static CanaryDecision Decide(CanaryFacts facts)
    {
        if (facts.Upstream == UpstreamSide.Foreign)
        {
            return Hold(RolloutPhase.Paused, "the upstream file has no operator marker; traffic is left to whoever owns it");
        }

        if (!facts.Failed && FailureOf(facts) is var (reason, why))
        {
            var revert = Shared(facts, failed: true);
            return revert with { Fails = reason, Reason = $"{why}; {revert.Reason}" };
        }

        return facts.Failed ? Shared(facts, failed: true) : Advance(facts);
    }

    private static (RollbackReason Reason, string Why)? FailureOf(CanaryFacts facts)
    {
        if (facts.Promoted)
        {
            return null;
        }

        if (facts.Request == RolloutRequestKind.Abort)
        {
            return (RollbackReason.Manual, "aborted by request");
        }

        if (facts.Progress is { } progress && progress.Failures >= facts.FailureThreshold)
        {
            var count = progress.Failures.ToString(CultureInfo.InvariantCulture);
            return (progress.HealthFailed ? RollbackReason.Health : RollbackReason.Analysis, $"the canary failed {count} analysis in a row ({progress.Summary})");
        }

        if (facts.CloneReady && facts.CloneHealthy == false)
        {
            return (RollbackReason.Health, $"the canary fails its health check at {facts.DesiredVersion}");
        }

        if (facts.Upstream != UpstreamSide.Original && facts.OriginalVersion == facts.DesiredVersion && facts.OriginalHealthy == false)
        {
            return (RollbackReason.Health, $"the original fails its health check at {facts.DesiredVersion}");
        }

        if (facts.ReleaseStartedAt is { } started && facts.Now - started > facts.ProgressDeadline)
        {
            return (RollbackReason.Deadline, $"the release did not finish within {facts.ProgressDeadline}");
        }

        return null;
    }

    private static CanaryDecision Advance(CanaryFacts facts)
    {
        // Promotion under way (the original already runs the release), or allowed with all traffic on the canary.
        if (facts.OriginalVersion == facts.DesiredVersion || (facts.Upstream == UpstreamSide.Clone && facts.MayPromote))
        {
            return Shared(facts, failed: false);
        }

        if (!facts.CloneReady)
        {
            // Before the first weight: the clone is made ready exactly as for blue/green, and traffic on a clone
            // that does not serve the release leaves it.
            return Shared(facts, failed: false);
        }

        if (facts.Request == RolloutRequestKind.Promote)
        {
            return Toward(facts, facts.Steps.Length - 1, RolloutPhase.Promoting, "promote requested; all traffic moves to the canary while the original is updated");
        }

        var index = Math.Min(facts.Progress?.StepIndex ?? 0, facts.Steps.Length - 1);
        var weight = facts.Steps[index];
        if (facts.Progress?.StepIndex is null || facts.CanaryWeight != weight)
        {
            return Toward(facts, index, RolloutPhase.Progressing, facts.Progress?.StepIndex is null
                ? $"the canary serves {facts.DesiredVersion}; its first step"
                : $"the upstream sends {Percent(facts.CanaryWeight)} to the canary, step {Ordinal(facts, index)} is {Percent(weight)}");
        }

        var progress = facts.Progress;
        if (progress.Verdict == AnalysisVerdict.Pass)
        {
            // The last step's pass is promotion (above, with all traffic on the canary); any other moves one step on.
            return Toward(facts, index + 1, RolloutPhase.Progressing, $"step {Ordinal(facts, index)} passed its analysis ({progress.Summary})");
        }

        var due = progress.EnteredAt + facts.Interval;
        var phase = progress.Verdict == AnalysisVerdict.Inconclusive ? RolloutPhase.Paused : RolloutPhase.Progressing;
        var last = progress.Summary is { } summary ? $"; last analysis {summary}" : "";
        return facts.Now >= due
            ? new CanaryDecision(CanaryStep.Analyse, phase, $"step {Ordinal(facts, index)} ({Percent(weight)}) was watched for {facts.Interval}{last}")
            : new CanaryDecision(CanaryStep.Wait, phase, $"step {Ordinal(facts, index)} ({Percent(weight)}) is watched until {due:u}{last}") { Wait = due - facts.Now };
    }

    /// <summary>Sets step <paramref name="index"/>'s weight: more traffic to the canary only once it passed a check this pass.</summary>
    private static CanaryDecision Toward(CanaryFacts facts, int index, RolloutPhase phase, string why)
    {
        var weight = facts.Steps[index];
        var set = new CanaryDecision(CanaryStep.SetWeight, phase, $"{why}: {Percent(weight)} to the canary") { Weight = weight, StepIndex = index };
        if (weight <= facts.CanaryWeight)
        {
            return facts.OriginalHealthy switch
            {
                null => new CanaryDecision(CanaryStep.CheckOriginal, phase, $"{why}; check the original before it takes more traffic"),
                true => set,
                false => Hold(RolloutPhase.Paused, $"{why}, but the original is unhealthy; traffic stays where it is"),
            };
        }

        return facts.CloneHealthy switch
        {
            null => new CanaryDecision(CanaryStep.CheckClone, phase, $"{why}; check the canary before it takes more traffic"),
            true => set,
            false => Hold(RolloutPhase.Paused, $"{why}, but the canary is unhealthy"),
        };
    }

    /// <summary>The steps a canary shares with blue/green: preparing the clone, promoting, cleaning up, reverting.</summary>
    private static CanaryDecision Shared(CanaryFacts facts, bool failed)
    {
        var decision = BlueGreenRelease.Decide(facts.AsBlueGreen(failed));
        var step = decision.Step switch
        {
            BlueGreenStep.Done => CanaryStep.Done,
            BlueGreenStep.CreateClone => CanaryStep.CreateClone,
            BlueGreenStep.StartClone => CanaryStep.StartClone,
            BlueGreenStep.DeployToClone => CanaryStep.DeployToClone,
            BlueGreenStep.CheckClone => CanaryStep.CheckClone,
            BlueGreenStep.SwitchToClone => CanaryStep.SetWeight,
            BlueGreenStep.DeployToOriginal => CanaryStep.DeployToOriginal,
            BlueGreenStep.CheckOriginal => CanaryStep.CheckOriginal,
            BlueGreenStep.SwitchToOriginal => CanaryStep.SwitchToOriginal,
            BlueGreenStep.DeployPreviousToOriginal => CanaryStep.DeployPreviousToOriginal,
            BlueGreenStep.DestroyClone => CanaryStep.DestroyClone,
            BlueGreenStep.Wait => CanaryStep.Wait,
            _ => CanaryStep.Hold,
        };

        // Blue/green's first switch to the clone is the canary's first step; any other is all traffic to it.
        var first = step == CanaryStep.SetWeight && !failed && facts.OriginalVersion != facts.DesiredVersion && facts.Progress?.StepIndex is null;
        var weight = step == CanaryStep.SetWeight ? (first ? facts.Steps[0] : 100) : (int?)null;
        return new CanaryDecision(step, decision.Phase, decision.Reason)
        {
            Weight = weight,
            StepIndex = weight is null ? null : first ? 0 : facts.Steps.Length - 1,
            Wait = decision.Wait,
        };
    }

    private static string Ordinal(CanaryFacts facts, int index) =>
        $"{(index + 1).ToString(CultureInfo.InvariantCulture)}/{facts.Steps.Length.ToString(CultureInfo.InvariantCulture)}";

    private static string Percent(int weight) => $"{weight.ToString(CultureInfo.InvariantCulture)} %";

    private static CanaryDecision Hold(RolloutPhase phase, string reason) => new(CanaryStep.Hold, phase, reason);
}
