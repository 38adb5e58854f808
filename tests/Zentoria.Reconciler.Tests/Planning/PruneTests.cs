using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class PruneTests
{
    private static readonly ContainerSpec Backend = Specs.Container("backend", 441);

    private static LiveContainer Stray(int vmid, params string[] tags) =>
        Lives.Container(Specs.Container("stray", vmid)) with { Tags = [.. tags] };

    private static Plan PlanWith(bool prune, IEnumerable<ContainerSpec> desired, params LiveContainer[] live) =>
        Planner.Plan(Specs.Desired(desired, environment: Specs.Environment(prune)), new LiveState([.. live], [], []));

    [Test]
    public void A_managed_container_no_longer_desired_is_stopped_then_destroyed_when_the_environment_prunes()
    {
        var plan = PlanWith(true, [Backend], Lives.Container(Backend), Stray(450, Specs.ManagedTag));

        Assert.That(plan.Steps.Select(s => (s.Unit.VmId!.Value.Value, s.Action)), Is.EqualTo(new[] { (450, StepAction.Stop), (450, StepAction.Destroy) }));
        Assert.That(plan.Steps.All(s => s.Disruption == Disruption.Downtime), Is.True);
        Assert.That(plan.Steps[0].Unit.Name, Is.EqualTo("zentoria-stray"));
    }

    [Test]
    public void A_stopped_stray_is_destroyed_without_a_stop()
    {
        var plan = PlanWith(true, [Backend], Lives.Container(Backend), Stray(450, Specs.ManagedTag) with { Status = PowerState.Stopped });

        Assert.That(plan.Steps.Select(s => s.Action), Is.EqualTo(new[] { StepAction.Destroy }));
    }

    [Test]
    public void Nothing_is_pruned_when_the_environment_does_not_prune()
    {
        Assert.That(PlanWith(false, [Backend], Lives.Container(Backend), Stray(450, Specs.ManagedTag)).Steps, Is.Empty);
    }

    [Test]
    public void A_container_without_the_managed_tag_is_never_pruned()
    {
        Assert.That(PlanWith(true, [Backend], Lives.Container(Backend), Stray(450, "zentoria")).Steps, Is.Empty);
    }

    [Test]
    public void Nothing_is_pruned_when_no_container_is_desired()
    {
        Assert.That(PlanWith(true, [], Stray(450, Specs.ManagedTag)).Steps, Is.Empty);
    }

    [Test]
    public void Pruning_comes_in_the_last_wave()
    {
        var desired = Specs.Desired(
            [Backend, Specs.Container("db", 404)],
            [Specs.Service("db", "db", null), Specs.Service("api", "backend", "v1", StrategyKind.Rolling, "db")],
            environment: Specs.Environment(prune: true));
        var live = Lives.Of(desired);
        live = live with { Containers = live.Containers.Add(Stray(450, Specs.ManagedTag)) };

        Assert.That(Planner.Plan(desired, live).Steps.Select(s => s.Wave).Distinct(), Is.EqualTo(new[] { 1 }));
    }
}
