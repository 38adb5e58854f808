using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>
/// Desired state and live snapshot in, ordered steps out. Pure: no I/O, no clock, no randomness, and the order of
/// the live lists never changes the result.
/// </summary>
internal static class Planner
{
    public static Plan Plan(Desired desired, LiveState live)
    {
        var waves = Waves.Of(desired);
        var containers = live.Containers.GroupBy(c => c.VmId).ToDictionary(g => g.Key, g => g.First());
        var services = live.Services.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        var flagSets = live.FlagSets.GroupBy(f => f.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var tag = desired.Environment.ManagedTag;

        var steps = desired.Containers
            .SelectMany(c => ContainerPlanner.Plan(c, containers.GetValueOrDefault(c.VmId), tag, waves.Container(c.Name)))
            .Concat(PrunePlanner.Plan(desired, live, waves.Last))
            .Concat(desired.Services.SelectMany(s => ServicePlanner.Plan(s, services.GetValueOrDefault(s.Name), waves.Service(s.Name))))
            .Concat(desired.FeatureFlags.SelectMany(f => FlagSetPlanner.Plan(f, flagSets.GetValueOrDefault(f.Name), waves.Service(f.Service))));

        return new Plan(desired.Revision, desired.Environment.Name, [.. Order(steps)]);
    }

    // LINQ's ordering is stable, so one unit's steps of the same action keep the order their planner gave them.
    private static IEnumerable<PlanStep> Order(IEnumerable<PlanStep> steps) => steps
        .OrderBy(s => s.Wave)
        .ThenBy(s => s.Unit.Kind)
        .ThenBy(s => s.Unit.Name, StringComparer.Ordinal)
        .ThenBy(s => s.Unit.VmId?.Value ?? 0)
        .ThenBy(s => s.Action);
}
