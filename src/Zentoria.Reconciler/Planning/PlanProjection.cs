using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>
/// The live state a plan would leave behind if every step it acts on succeeded. Report-only and refused steps
/// change nothing. Pure, for property tests and dry runs.
/// </summary>
internal static class PlanProjection
{
    public static LiveState Apply(LiveState live, Plan plan)
    {
        var containers = live.Containers.ToList();
        var services = live.Services.ToList();
        var flagSets = live.FlagSets.ToList();
        foreach (var step in plan.Steps.Where(s => s.IsActionable))
        {
            switch (step.Unit.Kind)
            {
                case UnitKind.Container when step.Unit.VmId is { } vmId:
                    ApplyToContainer(containers, vmId, step);
                    break;
                case UnitKind.Service:
                    var version = step.Changes.FirstOrDefault(c => c.Field == ServicePlanner.VersionField)?.To;
                    Replace(services, s => s.Name.Value == step.Unit.Name, s => s with { Version = version });
                    break;
                case UnitKind.FeatureFlags:
                    Replace(flagSets, f => f.Name == step.Unit.Name, f => WriteFlags(f, step.Changes));
                    break;
            }
        }

        return new LiveState([.. containers], [.. services], [.. flagSets]);
    }

    private static void ApplyToContainer(List<LiveContainer> containers, VmId vmId, PlanStep step)
    {
        if (step.Action == StepAction.Create)
        {
            containers.Add(LiveContainerChanges.Create(vmId, step.Changes));
            return;
        }

        if (step.Action == StepAction.Destroy)
        {
            containers.RemoveAll(c => c.VmId == vmId);
            return;
        }

        Replace(containers, c => c.VmId == vmId, c =>
        {
            var changed = step.Changes.Aggregate(c, LiveContainerChanges.Apply);

            // Proxmox applies pending changes whenever the container starts.
            return step.Action is StepAction.Start or StepAction.Restart ? changed with { PendingKeys = [] } : changed;
        });
    }

    private static LiveFlagSet WriteFlags(LiveFlagSet set, ImmutableArray<FieldChange> changes)
    {
        var flags = (set.Exists ? set.Flags : []).ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var split = change.Field.LastIndexOf('.');
            var name = change.Field["flags.".Length..split];
            var field = change.Field[(split + 1)..];
            if (change.To is null)
            {
                flags.Remove(name);
                continue;
            }

            var flag = flags.GetValueOrDefault(name) ?? new LiveFlag(name, false, 0);
            flags[name] = field == "enabled" ? flag with { Enabled = PlanValues.ParseBool(change.To) } : flag with { Rollout = PlanValues.ParseInt(change.To) };
        }

        return set with { Exists = true, Flags = [.. flags.Values.OrderBy(f => f.Name, StringComparer.Ordinal)] };
    }

    private static void Replace<T>(List<T> items, Func<T, bool> match, Func<T, T> change)
    {
        var index = items.FindIndex(i => match(i));
        if (index >= 0)
        {
            items[index] = change(items[index]);
        }
    }
}
