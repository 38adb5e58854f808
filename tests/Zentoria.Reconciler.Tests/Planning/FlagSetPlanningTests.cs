using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class FlagSetPlanningTests
{
    private static readonly FeatureFlagSetSpec Flags = Specs.FlagSet(
        "gateway-flags",
        "api",
        Specs.Flag("chat-v2", false, 0),
        Specs.Flag("rag-search", true, 100));

    private static Plan PlanFor(FeatureFlagSetSpec spec, LiveFlagSet? live) =>
        Planner.Plan(Specs.Desired(flagSets: [spec]), new LiveState([], [], live is null ? [] : [live]));

    [Test]
    public void Flags_that_match_the_file_need_no_step()
    {
        Assert.That(PlanFor(Flags, Lives.FlagSet(Flags)).Steps, Is.Empty);
    }

    [Test]
    public void A_flag_set_absent_from_the_snapshot_was_not_observed_and_gets_no_step()
    {
        Assert.That(PlanFor(Flags, null).Steps, Is.Empty);
    }

    [Test]
    public void A_missing_flags_file_is_written_with_every_flag()
    {
        var plan = PlanFor(Flags, new LiveFlagSet("gateway-flags", false, []));

        Assert.That(plan.Steps.Single().Action, Is.EqualTo(StepAction.WriteFlags));
        Assert.That(plan.Steps[0].Changes, Is.EqualTo(new[]
        {
            new FieldChange("flags.chat-v2.enabled", null, "false"),
            new FieldChange("flags.chat-v2.rollout", null, "0"),
            new FieldChange("flags.rag-search.enabled", null, "true"),
            new FieldChange("flags.rag-search.rollout", null, "100"),
        }));
        Assert.That(plan.Steps[0].Reason, Does.Contain("does not exist"));
    }

    [Test]
    public void Each_differing_flag_field_is_one_change_and_unknown_flags_are_removed()
    {
        var live = new LiveFlagSet("gateway-flags", true,
        [
            new LiveFlag("chat-v2", true, 0),
            new LiveFlag("old", true, 5),
            new LiveFlag("rag-search", true, 50),
        ]);

        Assert.That(PlanFor(Flags, live).Steps.Single().Changes, Is.EqualTo(new[]
        {
            new FieldChange("flags.chat-v2.enabled", "true", "false"),
            new FieldChange("flags.rag-search.rollout", "50", "100"),
            new FieldChange("flags.old.enabled", "true", null),
            new FieldChange("flags.old.rollout", "5", null),
        }));
    }

    [TestCase(0, 5)]
    [TestCase(5, 25)]
    [TestCase(20, 25)]
    [TestCase(25, 50)]
    public void A_progressive_flag_moves_to_the_next_step_above_its_live_percentage(int live, int next)
    {
        var spec = Specs.FlagSet("f", "api", Specs.Flag("chat-v2", true, 100, 5, 25, 50, 100));

        var plan = PlanFor(spec, new LiveFlagSet("f", true, [new LiveFlag("chat-v2", true, live)]));

        Assert.That(plan.Steps.Single().Changes, Is.EqualTo(new[] { new FieldChange("flags.chat-v2.rollout", $"{live}", $"{next}") }));
        Assert.That(plan.Steps[0].Reason, Does.Contain($"moves to {next}% on its way to 100%"));
    }

    [Test]
    public void A_progressive_flag_stops_at_its_target_between_steps()
    {
        var flag = Specs.Flag("chat-v2", true, 30, 5, 25, 50, 100);

        Assert.That(FlagSetPlanner.NextRollout(flag, 25), Is.EqualTo(30));
    }

    [Test]
    public void A_progressive_flag_goes_down_at_once()
    {
        var flag = Specs.Flag("chat-v2", true, 5, 5, 25, 50, 100);

        Assert.That(FlagSetPlanner.NextRollout(flag, 100), Is.EqualTo(5));
    }
}
