using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Snapshots;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class PlanProjectionTests
{
    private static Desired Sandbox()
    {
        var result = DesiredStateLoader.Load(RepositoryFiles.PathOf("desired-state"), "sandbox");
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Errors));
        return result.Desired!;
    }

    private static LiveState Snapshot(string name)
    {
        Assert.That(LiveSnapshotReader.TryRead(RepositoryFiles.PathOf($"examples/live-snapshots/{name}.json"), out var state, out var error), Is.True, error);
        return state!;
    }

    [Test]
    public void Applying_the_drifted_sandbox_plan_leaves_nothing_to_plan()
    {
        var desired = Sandbox();
        var live = Snapshot("sandbox-drifted");

        var after = PlanProjection.Apply(live, Planner.Plan(desired, live));

        Assert.That(Planner.Plan(desired, after).Steps, Is.Empty);
    }

    [Test]
    public void The_converged_sample_satisfies_the_sandbox_by_the_independent_rules_too()
    {
        Assert.That(Satisfaction.Holds(Sandbox(), Snapshot("sandbox-converged")), Is.True);
        Assert.That(Satisfaction.Holds(Sandbox(), Snapshot("sandbox-drifted")), Is.False);
    }

    [Test]
    public void Report_only_and_refused_steps_change_nothing()
    {
        var spec = Specs.Container("api", 441) with { Drift = Specs.Drift(DriftMode.Warn) };
        var db = Specs.Container("db", 404);
        var live = Lives.Of(Lives.Container(spec) with { Cores = 8 }, Lives.Container(db) with { DiskGiB = 64 });

        var after = PlanProjection.Apply(live, Planner.Plan(Specs.Desired([spec, db]), live));

        Assert.That(LiveSnapshotJson.Write(after), Is.EqualTo(LiveSnapshotJson.Write(live)));
    }

    [Test]
    public void A_pruned_container_is_gone_after_the_plan()
    {
        var api = Specs.Container("api", 441);
        var live = Lives.Of(Lives.Container(api), Lives.Container(Specs.Container("old", 450)));

        var after = PlanProjection.Apply(live, Planner.Plan(Specs.Desired([api], environment: Specs.Environment(prune: true)), live));

        Assert.That(after.Containers.Select(c => c.VmId.Value), Is.EqualTo(new[] { 441 }));
    }
}
