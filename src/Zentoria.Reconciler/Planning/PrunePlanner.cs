using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>Plans the destruction of managed containers that are no longer desired.</summary>
internal static class PrunePlanner
{
    public static IEnumerable<PlanStep> Plan(Desired desired, LiveState live, int wave)
    {
        var tag = desired.Environment.ManagedTag.Trim().ToLowerInvariant();

        // An empty desired set is far likelier a broken checkout than an intent to destroy the whole stack,
        // and without a managed tag nothing proves a container is the operator's.
        if (!desired.Environment.Prune || desired.Containers.IsEmpty || tag.Length == 0)
        {
            return [];
        }

        var wanted = desired.Containers.Select(c => c.VmId).ToHashSet();
        return live.Containers
            .Where(c => !wanted.Contains(c.VmId) && PlanValues.NormaliseTags(c.Tags).Contains(tag, StringComparer.Ordinal))
            .OrderBy(c => c.VmId)
            .SelectMany(c => Prune(c, tag, wave));
    }

    private static IEnumerable<PlanStep> Prune(LiveContainer live, string tag, int wave)
    {
        var unit = PlanUnit.Container(live.Hostname, live.VmId);
        var why = $"CT {live.VmId} carries the managed tag {tag} but is no longer in the desired state, and this environment prunes.";
        var notes = ContainerPlanner.LockNote(live);
        if (live.Status == PowerState.Running)
        {
            yield return new PlanStep(
                unit,
                StepAction.Stop,
                [new FieldChange(ContainerFields.State, PlanValues.Of(PowerState.Running), PlanValues.Of(PowerState.Stopped))],
                why + " It is stopped before it is destroyed." + notes,
                Disruption.Downtime,
                wave,
                ReportOnly: false);
        }

        yield return new PlanStep(unit, StepAction.Destroy, [], why + notes, Disruption.Downtime, wave, ReportOnly: false);
    }
}
