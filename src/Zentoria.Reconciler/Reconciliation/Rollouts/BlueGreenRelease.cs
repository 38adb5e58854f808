namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// The blue/green release of the seed (441 to 411) as a function from observed facts to the next step: clone the
/// original, start it, deploy into it, check it, switch traffic to it, update the original in place, check it, switch
/// back, destroy the clone (after the keep delay). Reverting is one switch back to the original.
/// </summary>
/// <remarks>
/// Level-triggered: no step depends on remembering the previous one, so a restart anywhere continues from what it
/// sees. Three rules keep traffic safe whatever is observed: traffic moves only to a side that passed its health
/// check this pass; nothing is deployed into the side traffic is on (unless that side is already failing); the clone
/// is destroyed only while traffic is on the original.
/// </remarks>
internal static class BlueGreenRelease
{
    public static BlueGreenDecision Decide(BlueGreenFacts facts)
    {
        if (facts.Upstream == UpstreamSide.Foreign)
        {
            return Hold(RolloutPhase.Paused, "the upstream file has no operator marker; traffic is left to whoever owns it");
        }

        if (!facts.Failed && FailureOf(facts) is var (reason, why))
        {
            var revert = Revert(facts with { FailedVersion = facts.DesiredVersion });
            return revert with { Fails = reason, Reason = $"{why}; {revert.Reason}" };
        }

        return facts.Failed ? Revert(facts) : Advance(facts);
    }

    private static (RollbackReason Reason, string Why)? FailureOf(BlueGreenFacts facts)
    {
        if (facts.Promoted)
        {
            return null;
        }

        if (facts.AbortRequested)
        {
            return (RollbackReason.Manual, "aborted by request");
        }

        if (facts.CloneState == CloneState.Running && facts.CloneVersion == facts.DesiredVersion && facts.CloneHealthy == false)
        {
            return (RollbackReason.Health, $"the clone fails its health check at {facts.DesiredVersion}");
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

    private static BlueGreenDecision Advance(BlueGreenFacts facts) => facts.Upstream switch
    {
        UpstreamSide.Original => facts.OriginalVersion == facts.DesiredVersion ? CleanUp(facts) : Prepare(facts),
        UpstreamSide.Clone => Promote(facts),
        _ => Reroute(facts),
    };

    /// <summary>Before the switch: the clone is made ready while the original serves.</summary>
    private static BlueGreenDecision Prepare(BlueGreenFacts facts) => facts switch
    {
        { CloneState: CloneState.Absent } => Step(BlueGreenStep.CreateClone, RolloutPhase.Progressing, $"{facts.DesiredVersion} starts on a temporary clone"),
        { CloneState: CloneState.Stopped } => Step(BlueGreenStep.StartClone, RolloutPhase.Progressing, "the clone is stopped"),
        _ when facts.CloneVersion != facts.DesiredVersion => Step(BlueGreenStep.DeployToClone, RolloutPhase.Progressing, $"the clone runs {facts.CloneVersion ?? "no answering version"}"),
        { CloneHealthy: null } => Step(BlueGreenStep.CheckClone, RolloutPhase.Progressing, $"the clone runs {facts.DesiredVersion}; check it before traffic moves"),
        _ => Step(BlueGreenStep.SwitchToClone, RolloutPhase.Progressing, $"the clone serves {facts.DesiredVersion} healthily"),
    };

    /// <summary>Traffic is on the clone: the original is updated in place, checked, and traffic returns to it.</summary>
    private static BlueGreenDecision Promote(BlueGreenFacts facts)
    {
        if (facts.CloneState != CloneState.Running || facts.CloneVersion != facts.DesiredVersion)
        {
            // The clone does not serve the release (gone, stopped, or another version): traffic must leave it first.
            return ToOriginal(facts, "traffic is on a clone that does not serve " + facts.DesiredVersion,
                orElse: facts.CloneState == CloneState.Stopped
                    ? Step(BlueGreenStep.StartClone, RolloutPhase.Paused, "traffic is on a stopped clone and the original is unhealthy")
                    : Hold(RolloutPhase.Paused, "traffic is on a clone that does not serve, and the original is unhealthy"));
        }

        return facts switch
        {
            _ when facts.OriginalVersion != facts.DesiredVersion => Step(BlueGreenStep.DeployToOriginal, RolloutPhase.Promoting, $"the clone serves; the original is updated to {facts.DesiredVersion} in place"),
            { OriginalHealthy: null } => Step(BlueGreenStep.CheckOriginal, RolloutPhase.Promoting, $"the original runs {facts.DesiredVersion}; check it before traffic returns"),
            _ => Step(BlueGreenStep.SwitchToOriginal, RolloutPhase.Promoting, $"the original serves {facts.DesiredVersion} healthily"),
        };
    }

    /// <summary>Promoted: the clone goes, after the keep delay.</summary>
    private static BlueGreenDecision CleanUp(BlueGreenFacts facts)
    {
        if (facts.CloneState == CloneState.Absent)
        {
            return Step(BlueGreenStep.Done, RolloutPhase.Idle, $"the original runs {facts.DesiredVersion} and serves all traffic");
        }

        var keepUntil = (facts.CloneIdleSince ?? facts.Now) + facts.KeepClone;
        return keepUntil > facts.Now
            ? Step(BlueGreenStep.Wait, RolloutPhase.Succeeded, $"the clone is kept until {keepUntil:u}") with { Wait = keepUntil - facts.Now }
            : Step(BlueGreenStep.DestroyClone, RolloutPhase.Succeeded, "the release is done; the clone is no longer needed");
    }

    /// <summary>No readable single side: route to a side that serves before anything else.</summary>
    private static BlueGreenDecision Reroute(BlueGreenFacts facts)
    {
        var midway = facts.CloneState == CloneState.Running && facts.CloneVersion == facts.DesiredVersion && facts.OriginalVersion != facts.DesiredVersion;
        if (midway && facts.CloneHealthy != false)
        {
            return ToClone(facts, "the upstream is not one side; the release continues on the clone");
        }

        return ToOriginal(facts, "the upstream is not one side",
            orElse: facts.CloneState == CloneState.Running && facts.CloneHealthy != false
                ? ToClone(facts, "the upstream is not one side and the original is unhealthy")
                : Hold(RolloutPhase.Paused, "the upstream is not one side and no side serves"));
    }

    /// <summary>A failed release: traffic back on the original at the previous version, then the clone goes.</summary>
    private static BlueGreenDecision Revert(BlueGreenFacts facts)
    {
        var failed = $"{facts.DesiredVersion} failed";
        if (facts.OriginalVersion == facts.DesiredVersion)
        {
            // The original already runs the failed version: it must get the previous one back before it takes traffic.
            var serving = facts.Upstream == UpstreamSide.Original && facts.OriginalHealthy != false;
            if (serving && facts.OriginalHealthy is null)
            {
                return Step(BlueGreenStep.CheckOriginal, RolloutPhase.RollingBack, $"{failed}, yet the original runs it; check whether it serves");
            }

            if (!serving)
            {
                // Traffic that may still reach the original moves to a clone that serves before the original is redeployed.
                if (facts.Upstream is UpstreamSide.Split or UpstreamSide.None && facts.CloneState == CloneState.Running && facts.CloneHealthy != false)
                {
                    return ToClone(facts, $"{failed} and the upstream is not one side; traffic moves to the clone while the original is reverted");
                }

                return facts.PreviousVersion is { } previous
                    ? Step(BlueGreenStep.DeployPreviousToOriginal, RolloutPhase.RollingBack, $"{failed}; the original gets {previous} back")
                    : Hold(RolloutPhase.Paused, $"{failed} on the original and the previous version is unknown; deploy one by hand or run retry");
            }
        }
        else if (facts.Upstream != UpstreamSide.Original)
        {
            return ToOriginal(facts, $"{failed}; traffic switches back to the original",
                orElse: Hold(RolloutPhase.Paused, $"{failed}, but the original is unhealthy; traffic stays where it is"));
        }

        return facts.CloneState != CloneState.Absent
            ? Step(BlueGreenStep.DestroyClone, RolloutPhase.RollingBack, $"{failed}; traffic is on the original, the clone goes")
            : Hold(RolloutPhase.Failed, $"{failed}; traffic is on the original and the clone is gone");
    }

    private static BlueGreenDecision ToOriginal(BlueGreenFacts facts, string why, BlueGreenDecision orElse) => facts.OriginalHealthy switch
    {
        null => Step(BlueGreenStep.CheckOriginal, PhaseOf(facts), $"{why}; check the original first"),
        true => Step(BlueGreenStep.SwitchToOriginal, PhaseOf(facts), why),
        false => orElse,
    };

    private static BlueGreenDecision ToClone(BlueGreenFacts facts, string why) => facts.CloneHealthy switch
    {
        null => Step(BlueGreenStep.CheckClone, PhaseOf(facts), $"{why}; check the clone first"),
        true => Step(BlueGreenStep.SwitchToClone, PhaseOf(facts), why),
        false => Hold(RolloutPhase.Paused, $"{why}, but the clone is unhealthy"),
    };

    private static RolloutPhase PhaseOf(BlueGreenFacts facts) => facts.Failed ? RolloutPhase.RollingBack : RolloutPhase.Progressing;

    private static BlueGreenDecision Step(BlueGreenStep step, RolloutPhase phase, string reason) => new(step, phase, reason);

    private static BlueGreenDecision Hold(RolloutPhase phase, string reason) => new(BlueGreenStep.Hold, phase, reason);
}
