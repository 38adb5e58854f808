using Zentoria.Reconciler.Reconciliation.Rollouts;
using static Zentoria.Reconciler.Reconciliation.Rollouts.BlueGreenStep;

namespace Zentoria.Reconciler.Tests.Reconciliation.Rollouts;

internal sealed class BlueGreenReleaseTests
{
    private const string D = BlueGreenWorld.Desired;
    private const string P = BlueGreenWorld.Previous;

    [Test]
    public void A_release_goes_through_the_seeds_sequence_and_ends_with_the_new_version_on_the_original_and_no_clone()
    {
        var world = new BlueGreenWorld();

        var last = world.Run();

        Assert.That(world.Steps, Is.EqualTo(new[]
        {
            CreateClone, StartClone, DeployToClone, CheckClone, SwitchToClone,
            DeployToOriginal, CheckOriginal, SwitchToOriginal, DestroyClone, Done,
        }));
        Assert.That(world.Decisions.Select(d => d.Phase).Distinct(), Is.EqualTo(new[] { RolloutPhase.Progressing, RolloutPhase.Promoting, RolloutPhase.Succeeded, RolloutPhase.Idle }));
        Assert.That(last.Phase, Is.EqualTo(RolloutPhase.Idle));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone, world.FailedVersion), Is.EqualTo((D, UpstreamSide.Original, CloneState.Absent, (string?)null)));
    }

    [Test]
    public void An_operator_restarted_at_any_step_boundary_completes_the_same_release([Range(0, 9)] int restartAfter)
    {
        var world = new BlueGreenWorld();
        for (var i = 0; i < restartAfter; i++)
        {
            world.StepOnce();
        }

        world.Restart();
        var last = world.Run();

        Assert.That(last.Step, Is.EqualTo(Done));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone), Is.EqualTo((D, UpstreamSide.Original, CloneState.Absent)));
        Assert.That(world.Steps.Count(s => s == SwitchToClone), Is.LessThanOrEqualTo(1), "traffic moved to the clone twice");
    }

    [Test]
    public void A_clone_failing_its_health_check_never_gets_traffic_and_is_destroyed()
    {
        var world = new BlueGreenWorld();
        world.BrokenOnClone.Add(D);

        var last = world.Run();

        Assert.That(world.Steps, Is.EqualTo(new[] { CreateClone, StartClone, DeployToClone, CheckClone, DestroyClone, Hold }));
        Assert.That(world.Decisions.Single(d => d.Fails is not null).Fails, Is.EqualTo(RollbackReason.Health));
        Assert.That(last.Phase, Is.EqualTo(RolloutPhase.Failed));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone, world.FailedVersion), Is.EqualTo((P, UpstreamSide.Original, CloneState.Absent, D)));
    }

    [Test]
    public void An_original_failing_at_the_new_version_gets_the_previous_one_back_before_traffic_returns()
    {
        var world = new BlueGreenWorld();
        world.BrokenOnOriginal.Add(D);

        var last = world.Run();

        Assert.That(world.Steps, Is.EqualTo(new[]
        {
            CreateClone, StartClone, DeployToClone, CheckClone, SwitchToClone, DeployToOriginal, CheckOriginal,
            DeployPreviousToOriginal, CheckOriginal, SwitchToOriginal, DestroyClone, Hold,
        }));
        Assert.That(world.Decisions.Where(d => d.Fails is not null).Select(d => d.Fails), Is.EqualTo(new[] { RollbackReason.Health }));
        Assert.That(last.Phase, Is.EqualTo(RolloutPhase.Failed));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone), Is.EqualTo((P, UpstreamSide.Original, CloneState.Absent)));
    }

    [Test]
    public void An_abort_while_the_clone_serves_is_one_switch_back_then_the_clone_goes()
    {
        var world = new BlueGreenWorld();
        while (world.Upstream != UpstreamSide.Clone)
        {
            world.StepOnce();
        }

        world.AbortRequested = true;
        world.Restart();
        var reverting = world.Decisions.Count;
        var last = world.Run();

        Assert.That(world.Steps.Skip(reverting), Is.EqualTo(new[] { CheckOriginal, SwitchToOriginal, DestroyClone, Hold }));
        Assert.That(world.Decisions[reverting].Fails, Is.EqualTo(RollbackReason.Manual));
        Assert.That(last.Reason, Does.Contain("traffic is on the original and the clone is gone"));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone), Is.EqualTo((P, UpstreamSide.Original, CloneState.Absent)));
    }

    [Test]
    public void A_release_past_its_progress_deadline_is_rolled_back()
    {
        var world = new BlueGreenWorld();
        world.StepOnce();
        world.StepOnce();
        world.Now += TimeSpan.FromMinutes(31);

        world.Run();

        Assert.That(world.Decisions.Single(d => d.Fails is not null).Fails, Is.EqualTo(RollbackReason.Deadline));
        Assert.That((world.OriginalVersion, world.Upstream, world.Clone), Is.EqualTo((P, UpstreamSide.Original, CloneState.Absent)));
    }

    [Test]
    public void A_kept_clone_waits_out_its_delay_before_it_is_destroyed()
    {
        var world = new BlueGreenWorld { KeepClone = TimeSpan.FromMinutes(15) };

        var waiting = world.Run();
        world.Now += TimeSpan.FromMinutes(15);
        var done = world.Run();

        Assert.That(waiting.Step, Is.EqualTo(Wait));
        Assert.That(waiting.Wait, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(waiting.Phase, Is.EqualTo(RolloutPhase.Succeeded));
        Assert.That(done.Step, Is.EqualTo(Done));
        Assert.That(world.Clone, Is.EqualTo(CloneState.Absent));
    }

    [Test]
    public void Traffic_on_a_clone_that_is_gone_goes_back_to_the_original_and_the_release_starts_over()
    {
        var facts = Facts(original: (P, true), clone: (CloneState.Absent, null, null), UpstreamSide.Clone);

        var decision = BlueGreenRelease.Decide(facts);

        Assert.That(decision.Step, Is.EqualTo(SwitchToOriginal));
        Assert.That(decision.Fails, Is.Null);
        Assert.That(BlueGreenRelease.Decide(facts with { Upstream = UpstreamSide.Original }).Step, Is.EqualTo(CreateClone));
    }

    [Test]
    public void A_file_that_is_not_the_operators_holds_everything()
    {
        var decision = BlueGreenRelease.Decide(Facts(original: (P, true), clone: (CloneState.Running, D, true), UpstreamSide.Foreign));

        Assert.That(decision.Step, Is.EqualTo(Hold));
        Assert.That(decision.Phase, Is.EqualTo(RolloutPhase.Paused));
        Assert.That(decision.Reason, Does.Contain("no operator marker"));
    }

    [Test]
    public void Over_every_combination_of_observations_the_safety_rules_hold_and_every_step_is_reachable()
    {
        var seen = new HashSet<BlueGreenStep>();
        var count = 0;
        foreach (var facts in AllFacts())
        {
            var decision = BlueGreenRelease.Decide(facts);
            seen.Add(decision.Step);
            count++;
            var context = $"{facts} -> {decision}";

            Assert.That(decision.Reason, Is.Not.Empty, context);
            if (facts.Upstream == UpstreamSide.Foreign)
            {
                Assert.That((decision.Step, decision.Fails), Is.EqualTo((Hold, (RollbackReason?)null)), context);
            }

            // Traffic moves only to a side that passed its check this pass.
            Assert.That(decision.Step != SwitchToClone || facts is { CloneState: CloneState.Running, CloneHealthy: true }, context);
            Assert.That(decision.Step != SwitchToOriginal || facts.OriginalHealthy == true, context);

            // Nothing is deployed into the side traffic is on, unless that side is already failing.
            Assert.That(decision.Step != DeployToClone || facts.Upstream == UpstreamSide.Original, context);
            Assert.That(decision.Step != DeployToOriginal || facts is { Upstream: UpstreamSide.Clone, CloneState: CloneState.Running } && facts.CloneVersion == D, context);
            Assert.That(decision.Step != DeployPreviousToOriginal || facts.PreviousVersion is not null && (facts.Upstream != UpstreamSide.Original || facts.OriginalHealthy == false), context);

            // The clone goes only while traffic is on the original.
            Assert.That(decision.Step != DestroyClone || facts is { Upstream: UpstreamSide.Original, CloneState: not CloneState.Absent }, context);

            // A failed release never moves forward, and is failed once.
            if (facts.Failed || decision.Fails is not null)
            {
                Assert.That(decision.Step, Is.Not.AnyOf(CreateClone, DeployToClone, DeployToOriginal), context);
                Assert.That(decision.Phase, Is.AnyOf(RolloutPhase.RollingBack, RolloutPhase.Paused, RolloutPhase.Failed), context);
            }

            Assert.That(decision.Fails is null || !facts.Failed, context);
            Assert.That(decision.Step != Done || facts is { Promoted: true, CloneState: CloneState.Absent }, context);
            Assert.That(decision.Step != Wait || decision.Wait > TimeSpan.Zero, context);
        }

        Assert.That(count, Is.EqualTo(3 * 3 * 3 * 4 * 3 * 5 * 2 * 2 * 2 * 2 * 2));
        Assert.That(seen, Is.EquivalentTo(Enum.GetValues<BlueGreenStep>()));
    }

    private static BlueGreenFacts Facts((string? Version, bool? Healthy) original, (CloneState State, string? Version, bool? Healthy) clone, UpstreamSide upstream) =>
        new(D, P, original.Version, original.Healthy, clone.State, clone.Version, clone.Healthy, upstream, null, false,
            null, TimeSpan.FromMinutes(30), null, TimeSpan.Zero, DateTimeOffset.UnixEpoch);

    private static IEnumerable<BlueGreenFacts> AllFacts()
    {
        var now = DateTimeOffset.UnixEpoch + TimeSpan.FromDays(1);
        foreach (var originalVersion in new string?[] { D, P, null })
        foreach (var originalHealthy in new bool?[] { null, true, false })
        foreach (var clone in Enum.GetValues<CloneState>())
        foreach (var cloneVersion in new string?[] { D, P, "v0.9.0", null })
        foreach (var cloneHealthy in new bool?[] { null, true, false })
        foreach (var upstream in Enum.GetValues<UpstreamSide>())
        foreach (var failed in new string?[] { null, D })
        foreach (var abort in new[] { false, true })
        foreach (var late in new[] { false, true })
        foreach (var previous in new string?[] { P, null })
        foreach (var keep in new[] { TimeSpan.Zero, TimeSpan.FromMinutes(5) })
        {
            yield return new BlueGreenFacts(D, previous, originalVersion, originalHealthy, clone, cloneVersion, cloneHealthy, upstream, failed, abort,
                now - (late ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1)), TimeSpan.FromMinutes(30), now - TimeSpan.FromMinutes(1), keep, now);
        }
    }
}
