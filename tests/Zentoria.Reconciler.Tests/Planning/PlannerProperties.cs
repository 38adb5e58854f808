using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Planning.Rendering;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class PlannerProperties
{
    private const int Runs = 500;

    private static readonly Arbitrary<Scenario> Scenarios = ScenarioGenerators.Scenario.ToArbitrary();

    [Property(MaxTest = Runs)]
    public Property The_plan_is_empty_exactly_when_live_satisfies_desired() =>
        Prop.ForAll(Scenarios, s =>
            (Planner.Plan(s.Desired, s.Live).IsEmpty == Satisfaction.Holds(s.Desired, s.Live))
                .Label($"plan empty: {Planner.Plan(s.Desired, s.Live).IsEmpty}, satisfied: {Satisfaction.Holds(s.Desired, s.Live)}"));

    [Property(MaxTest = Runs)]
    public Property Applying_a_plan_leaves_only_refused_report_only_and_further_progressive_flag_steps() =>
        Prop.ForAll(Scenarios, s =>
        {
            var after = PlanProjection.Apply(s.Live, Planner.Plan(s.Desired, s.Live));
            var left = Planner.Plan(s.Desired, after).Steps.Where(step => step.IsActionable && !IsProgressiveFlagStep(step, s.Desired)).ToList();
            return (left.Count == 0).Label($"still planned: {string.Join("; ", left.Select(Describe))}");
        });

    [Property(MaxTest = Runs)]
    public Property Applying_plans_repeatedly_converges_to_nothing_but_refused_and_report_only_steps() =>
        Prop.ForAll(Scenarios, s =>
        {
            var live = s.Live;
            for (var round = 0; round < 5; round++)
            {
                live = PlanProjection.Apply(live, Planner.Plan(s.Desired, live));
            }

            var left = Planner.Plan(s.Desired, live).Steps.Where(step => step.IsActionable).ToList();
            return (left.Count == 0).Label($"still planned after 5 rounds: {string.Join("; ", left.Select(Describe))}");
        });

    [Property(MaxTest = Runs)]
    public Property The_same_input_gives_the_same_plan_whatever_the_order_of_its_lists() =>
        Prop.ForAll(Scenarios, s => Prop.ForAll(ScenarioGenerators.Shuffled(s).ToArbitrary(), shuffled =>
        {
            var first = PlanJsonWriter.Write(Planner.Plan(s.Desired, s.Live));
            var again = PlanJsonWriter.Write(Planner.Plan(s.Desired, s.Live));
            var reordered = PlanJsonWriter.Write(Planner.Plan(shuffled.Desired, shuffled.Live));
            return (first == again && first == reordered).Label($"first:\n{first}\nreordered:\n{reordered}");
        }));

    [Property(MaxTest = Runs)]
    public Property No_step_comes_before_a_step_it_depends_on() =>
        Prop.ForAll(Scenarios, s =>
        {
            var steps = Planner.Plan(s.Desired, s.Live).Steps;
            var wavesAscend = steps.Select(x => x.Wave).Zip(steps.Skip(1).Select(x => x.Wave)).All(p => p.First <= p.Second);
            var violations = steps
                .Select((step, i) => (step, i))
                .SelectMany(x => steps.Skip(x.i + 1)
                    .Where(later => Prerequisites(x.step.Unit, s.Desired).Contains((later.Unit.Kind, later.Unit.Name)))
                    .Select(later => $"{Describe(later)} comes after {Describe(x.step)}"))
                .ToList();
            return (wavesAscend && violations.Count == 0).Label(string.Join("; ", violations));
        });

    [Property(MaxTest = Runs)]
    public Property Only_managed_containers_outside_a_non_empty_desired_set_are_ever_destroyed() =>
        Prop.ForAll(Scenarios, s =>
        {
            var destroyed = Planner.Plan(s.Desired, s.Live).Steps.Where(x => x.Action == StepAction.Destroy).Select(x => x.Unit.VmId!.Value).ToList();
            var safe = destroyed.All(id =>
                s.Desired.Environment.Prune
                && !s.Desired.Containers.IsEmpty
                && s.Desired.Containers.All(c => c.VmId != id)
                && s.Live.Containers.Single(c => c.VmId == id).Tags.Any(t => t.Equals(Specs.ManagedTag, StringComparison.OrdinalIgnoreCase)));
            return safe.Label($"destroyed: {string.Join(", ", destroyed)}");
        });

    [Property(MaxTest = Runs)]
    public Property Units_in_drift_mode_warn_are_only_reported_and_suspended_units_get_no_step() =>
        Prop.ForAll(Scenarios, s =>
        {
            var steps = Planner.Plan(s.Desired, s.Live).Steps;
            var modes = s.Desired.Containers.Select(c => ((UnitKind.Container, c.Name.Value), c.Drift.Mode))
                .Concat(s.Desired.Services.Select(x => ((UnitKind.Service, x.Name.Value), x.Drift.Mode)))
                .ToDictionary(x => x.Item1, x => x.Mode);
            var wrong = steps.Where(x => modes.GetValueOrDefault((x.Unit.Kind, x.Unit.Name)) switch
            {
                DriftMode.Warn => !x.ReportOnly,
                DriftMode.Suspend => true,
                _ => false,
            }).ToList();
            return (wrong.Count == 0).Label(string.Join("; ", wrong.Select(Describe)));
        });

    [Test]
    public void The_generators_yield_both_satisfied_and_drifted_pairs_often()
    {
        var sample = ScenarioGenerators.Scenario.Sample(300, 20);
        var satisfied = sample.Count(s => Satisfaction.Holds(s.Desired, s.Live));

        Assert.That(satisfied, Is.InRange(30, 270), $"{satisfied} of {sample.Length} satisfied");
    }

    private static HashSet<(UnitKind, string)> Prerequisites(PlanUnit unit, Desired desired)
    {
        var units = new HashSet<(UnitKind, string)>();
        void AddService(ServiceName name, bool itself)
        {
            if (desired.FindService(name) is not { } service)
            {
                return;
            }

            if (itself)
            {
                units.Add((UnitKind.Service, name.Value));
                foreach (var flags in desired.FeatureFlags.Where(f => f.Service == name))
                {
                    units.Add((UnitKind.FeatureFlags, flags.Name));
                }
            }

            units.Add((UnitKind.Container, service.Container.Value));
            foreach (var dependency in service.DependsOn)
            {
                AddService(dependency, itself: true);
            }
        }

        switch (unit.Kind)
        {
            case UnitKind.Service:
                AddService(new ServiceName(unit.Name), itself: false);
                break;
            case UnitKind.FeatureFlags when desired.FeatureFlags.FirstOrDefault(f => f.Name == unit.Name) is { } set:
                AddService(set.Service, itself: false);
                units.Add((UnitKind.Service, set.Service.Value));
                break;
        }

        return units;
    }

    private static bool IsProgressiveFlagStep(PlanStep step, Desired desired) =>
        step.Action == StepAction.WriteFlags
        && desired.FeatureFlags.First(f => f.Name == step.Unit.Name).Flags.Any(f => !f.Steps.IsEmpty);

    private static string Describe(PlanStep step) =>
        $"{step.Unit} {step.Action} [{string.Join(", ", step.Changes.Select(c => $"{c.Field}: {c.From} -> {c.To}"))}]";
}
