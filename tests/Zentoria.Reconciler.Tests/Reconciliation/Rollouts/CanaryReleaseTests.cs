using System.Collections.Immutable;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using static Zentoria.Reconciler.Reconciliation.Rollouts.CanaryStep;

namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

internal sealed class CanaryReleaseTests
{
    private const string D = CanaryWorld.Desired;
    private const string P = CanaryWorld.Previous;

    [Test]
    public void A_passing_canary_takes_5_25_and_100_percent_one_interval_each_then_the_original_is_updated_and_the_clone_goes()
    {
        var world = new CanaryWorld();

        var last = world.Run();

        Assert.That(world.Steps, Is.EqualTo(new[]
        {
            CreateClone, StartClone, DeployToClone, CheckClone, SetWeight, Wait, Analyse,
            CheckClone, SetWeight, Wait, Analyse,
            CheckClone, SetWeight, Wait, Analyse,
            DeployToOriginal, CheckOriginal, SwitchToOriginal, DestroyClone, Done,
        }));
        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 25, 100, 0 }));
        Assert.That(world.Decisions.Where(d => d.Step == Wait).Select(d => d.Wait), Is.All.EqualTo(CanaryWorld.Interval));
        Assert.That(last.Phase, Is.EqualTo(RolloutPhase.Idle));
        Assert.That((world.OriginalVersion, world.Weight, world.Clone, world.FailedVersion), Is.EqualTo((D, 0, CloneState.Absent, (string?)null)));
    }

    [Test]
    public void An_operator_restarted_after_any_step_completes_the_same_release_without_moving_traffic_twice([Range(0, 19)] int restartAfter)
    {
        var world = new CanaryWorld();
        for (var i = 0; i < restartAfter; i++)
        {
            world.StepOnce();
        }

        world.Restart();
        var last = world.Run();

        Assert.That(last.Step, Is.EqualTo(Done));
        Assert.That((world.OriginalVersion, world.Weight, world.Clone), Is.EqualTo((D, 0, CloneState.Absent)));
        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 25, 100, 0 }));
    }

    [Test]
    public void A_failed_analysis_withdraws_the_canary_to_100_0_destroys_the_clone_and_remembers_the_version()
    {
        var world = new CanaryWorld();
        world.Verdicts.Enqueue(AnalysisVerdict.Pass);
        world.Verdicts.Enqueue(AnalysisVerdict.Fail);

        var last = world.Run();

        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 25, 0 }));
        Assert.That(world.Decisions.Single(d => d.Fails is not null).Fails, Is.EqualTo(RollbackReason.Analysis));
        Assert.That(world.Steps.TakeLast(4), Is.EqualTo(new[] { CheckOriginal, SwitchToOriginal, DestroyClone, Hold }));
        Assert.That(last.Phase, Is.EqualTo(RolloutPhase.Failed));
        Assert.That((world.OriginalVersion, world.Clone, world.FailedVersion), Is.EqualTo((P, CloneState.Absent, D)));
    }

    [Test]
    public void Failures_below_the_threshold_hold_the_step_and_a_pass_resets_the_count()
    {
        var world = new CanaryWorld { FailureThreshold = 2 };
        foreach (var verdict in new[] { AnalysisVerdict.Fail, AnalysisVerdict.Pass, AnalysisVerdict.Fail, AnalysisVerdict.Pass })
        {
            world.Verdicts.Enqueue(verdict);
        }

        var last = world.Run();

        Assert.That(last.Step, Is.EqualTo(Done));
        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 25, 100, 0 }));
        Assert.That(world.Decisions.Any(d => d.Fails is not null), Is.False);
    }

    [Test]
    public void Two_failures_in_a_row_reach_a_threshold_of_two()
    {
        var world = new CanaryWorld { FailureThreshold = 2 };
        world.Verdicts.Enqueue(AnalysisVerdict.Fail);
        world.Verdicts.Enqueue(AnalysisVerdict.Fail);

        world.Run();

        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 0 }));
        Assert.That(world.FailedVersion, Is.EqualTo(D));
    }

    [Test]
    public void An_inconclusive_analysis_holds_the_step_paused_and_never_promotes_however_long_it_lasts()
    {
        var world = new CanaryWorld { ProgressDeadline = TimeSpan.FromDays(30) };
        for (var i = 0; i < 20; i++)
        {
            world.Verdicts.Enqueue(AnalysisVerdict.Inconclusive);
        }

        for (var i = 0; i < 60 && world.Verdicts.Count > 0; i++)
        {
            world.StepOnce();
        }

        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5 }));
        Assert.That(world.Decisions.Where(d => d.Step == Wait).Skip(1).Select(d => d.Phase), Is.All.EqualTo(RolloutPhase.Paused));
        Assert.That(world.OriginalVersion, Is.EqualTo(P));
    }

    [Test]
    public void A_release_held_past_its_progress_deadline_is_rolled_back_for_the_deadline()
    {
        var world = new CanaryWorld { ProgressDeadline = TimeSpan.FromMinutes(25) };
        for (var i = 0; i < 5; i++)
        {
            world.Verdicts.Enqueue(AnalysisVerdict.Inconclusive);
        }

        world.Run();

        Assert.That(world.Decisions.Single(d => d.Fails is not null).Fails, Is.EqualTo(RollbackReason.Deadline));
        Assert.That((world.Weight, world.Clone, world.FailedVersion), Is.EqualTo((0, CloneState.Absent, D)));
    }

    [Test]
    public void An_abort_at_25_percent_returns_all_traffic_to_the_original_and_destroys_the_clone()
    {
        var world = new CanaryWorld();
        while (world.Weight != 25)
        {
            world.StepOnce();
        }

        world.Request = RolloutRequestKind.Abort;
        var last = world.Run();

        Assert.That(world.Decisions.Single(d => d.Fails is not null).Fails, Is.EqualTo(RollbackReason.Manual));
        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 25, 0 }));
        Assert.That((last.Phase, world.Clone, world.OriginalVersion), Is.EqualTo((RolloutPhase.Failed, CloneState.Absent, P)));
    }

    [Test]
    public void A_promote_at_5_percent_moves_all_traffic_to_the_checked_canary_then_updates_the_original()
    {
        var world = new CanaryWorld();
        while (world.Weight != 5)
        {
            world.StepOnce();
        }

        world.Request = RolloutRequestKind.Promote;
        world.Restart();
        var last = world.Run();

        Assert.That(world.Weights, Is.EqualTo(new[] { 0, 5, 100, 0 }));
        Assert.That(world.Steps.Skip(5), Is.EqualTo(new[] { CheckClone, SetWeight, DeployToOriginal, CheckOriginal, SwitchToOriginal, DestroyClone, Done }));
        Assert.That((last.Step, world.OriginalVersion, world.Clone), Is.EqualTo((Done, D, CloneState.Absent)));
    }

    [Test]
    public void A_canary_failing_its_first_health_check_never_gets_traffic()
    {
        var world = new CanaryWorld();
        world.BrokenOnClone.Add(D);

        var last = world.Run();

        Assert.That(world.Steps, Is.EqualTo(new[] { CreateClone, StartClone, DeployToClone, CheckClone, DestroyClone, Hold }));
        Assert.That(world.Weights, Is.EqualTo(new[] { 0 }));
        Assert.That((last.Phase, world.FailedVersion), Is.EqualTo((RolloutPhase.Failed, D)));
    }

    [Test]
    public void An_original_failing_at_the_new_version_gets_the_previous_one_back_while_the_canary_serves()
    {
        var world = new CanaryWorld();
        world.BrokenOnOriginal.Add(D);

        var last = world.Run();

        Assert.That(world.Steps.TakeLast(7), Is.EqualTo(new[] { DeployToOriginal, CheckOriginal, DeployPreviousToOriginal, CheckOriginal, SwitchToOriginal, DestroyClone, Hold }));
        Assert.That((last.Phase, world.OriginalVersion, world.Weight, world.Clone), Is.EqualTo((RolloutPhase.Failed, P, 0, CloneState.Absent)));
    }

    [Test]
    public void A_file_that_is_not_the_operators_holds_everything()
    {
        var facts = new CanaryWorld().Facts with { Upstream = UpstreamSide.Foreign };

        Assert.That(CanaryRelease.Decide(facts), Has.Property(nameof(CanaryDecision.Step)).EqualTo(Hold).And.Property(nameof(CanaryDecision.Phase)).EqualTo(RolloutPhase.Paused));
    }

    [Test]
    public void Over_every_combination_of_observations_the_safety_rules_hold_and_every_step_is_reachable()
    {
        var seen = new HashSet<CanaryStep>();
        var count = 0;
        foreach (var facts in AllFacts())
        {
            count++;
            var decision = CanaryRelease.Decide(facts);
            seen.Add(decision.Step);
            var context = $"{decision} for {facts}";
            if (decision.Step == SetWeight && decision.Weight > facts.CanaryWeight)
            {
                Assert.That(facts.CloneHealthy, Is.True, $"traffic grows on a canary not checked healthy this pass: {context}");
            }

            if (decision.Step is DeployToOriginal)
            {
                Assert.That(facts.Upstream, Is.EqualTo(UpstreamSide.Clone), $"the original is updated while it takes traffic: {context}");
                Assert.That(facts.Request == RolloutRequestKind.Promote || facts.Progress?.Verdict == AnalysisVerdict.Pass, Is.True, $"promoted without a pass: {context}");
            }

            if (decision.Step == DestroyClone)
            {
                Assert.That(facts.CanaryWeight, Is.Zero, $"the clone is destroyed while it has traffic: {context}");
            }

            if (facts.Failed || decision.Fails is not null)
            {
                Assert.That(decision.Step, Is.Not.AnyOf(DeployToOriginal, DeployToClone, CreateClone, Analyse), $"a failed release moves forward: {context}");
                Assert.That(decision.Step != SetWeight || decision.Weight == 100, Is.True, $"a failed release shifts weights: {context}");
            }

            if (facts.Progress?.Verdict == AnalysisVerdict.Inconclusive && facts.Request is null)
            {
                Assert.That(decision.Step, Is.Not.EqualTo(DeployToOriginal), $"promoted on silence: {context}");
            }
        }

        Assert.That(count, Is.GreaterThan(100_000));
        Assert.That(seen, Is.EquivalentTo(Enum.GetValues<CanaryStep>()));
    }

    private static IEnumerable<CanaryFacts> AllFacts()
    {
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        ImmutableArray<int> steps = [5, 25, 100];
        foreach (var originalVersion in new string?[] { D, P, null })
        foreach (var originalHealthy in new bool?[] { null, true, false })
        foreach (var clone in Enum.GetValues<CloneState>())
        foreach (var cloneVersion in new string?[] { D, P, null })
        foreach (var cloneHealthy in new bool?[] { null, true, false })
        foreach (var weight in new[] { 0, 5, 25, 50, 100, -1, -2 })
        foreach (var progress in Progresses(now))
        foreach (var failed in new string?[] { null, D })
        foreach (var request in new RolloutRequestKind?[] { null, RolloutRequestKind.Promote, RolloutRequestKind.Abort })
        foreach (var late in new[] { false, true })
        {
            var upstream = weight switch { 0 => UpstreamSide.Original, 100 => UpstreamSide.Clone, -1 => UpstreamSide.None, -2 => UpstreamSide.Foreign, _ => UpstreamSide.Split };
            yield return new CanaryFacts(
                D, P, originalVersion, originalHealthy, clone, clone == CloneState.Running ? cloneVersion : null, clone == CloneState.Running ? cloneHealthy : null,
                upstream, Math.Max(weight, 0), steps, CanaryWorld.Interval, progress, 1, failed, request, now - TimeSpan.FromHours(late ? 3 : 0),
                TimeSpan.FromHours(2), now);
        }
    }

    private static IEnumerable<CanaryProgress?> Progresses(DateTimeOffset now)
    {
        yield return null;
        foreach (var index in new int?[] { null, 0, 1, 2 })
        foreach (var verdict in new AnalysisVerdict?[] { null, AnalysisVerdict.Pass, AnalysisVerdict.Inconclusive, AnalysisVerdict.Fail })
        foreach (var due in new[] { false, true })
        {
            var failures = verdict == AnalysisVerdict.Fail ? 1 : 0;
            yield return new CanaryProgress(now, index, now - (due ? CanaryWorld.Interval : TimeSpan.Zero), failures, verdict, false, verdict?.ToString());
        }
    }
}
