using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>Plans a flags file against the flags read back from it.</summary>
internal static class FlagSetPlanner
{
    public static IEnumerable<PlanStep> Plan(FeatureFlagSetSpec spec, LiveFlagSet? live, int wave)
    {
        if (live is null)
        {
            yield break;
        }

        var current = live.Exists ? live.Flags.ToDictionary(f => f.Name, StringComparer.Ordinal) : [];
        var changes = new List<FieldChange>();
        var progressive = new List<string>();
        foreach (var flag in spec.Flags.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var now = current.GetValueOrDefault(flag.Name);
            var rollout = NextRollout(flag, now?.Rollout ?? 0);
            if (rollout != flag.Rollout)
            {
                progressive.Add($"{flag.Name} moves to {rollout}% on its way to {flag.Rollout}%{Interval(flag)}");
            }

            Add(changes, Field(flag.Name, "enabled"), now is null ? null : PlanValues.Of(now.Enabled), PlanValues.Of(flag.Enabled));
            Add(changes, Field(flag.Name, "rollout"), now is null ? null : PlanValues.Of(now.Rollout), PlanValues.Of(rollout));
        }

        var wanted = spec.Flags.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in current.Values.Where(f => !wanted.Contains(f.Name)).OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            changes.Add(new FieldChange(Field(gone.Name, "enabled"), PlanValues.Of(gone.Enabled), null));
            changes.Add(new FieldChange(Field(gone.Name, "rollout"), PlanValues.Of(gone.Rollout), null));
        }

        if (changes.Count == 0 && live.Exists)
        {
            yield break;
        }

        var reason = live.Exists
            ? $"The flags in {spec.File} differ from the desired state."
            : $"{spec.File} does not exist; it is written with every flag.";
        if (progressive.Count > 0)
        {
            reason += $" Progressive rollout: {string.Join("; ", progressive)}.";
        }

        yield return new PlanStep(PlanUnit.FlagSet(spec.Name), StepAction.WriteFlags, [.. changes], reason, Disruption.None, wave, ReportOnly: false);
    }

    /// <summary>
    /// A flag with steps rises to the first step above its live percentage, never straight to the target, so
    /// each step can be watched; lowering a rollout is always safe and happens at once.
    /// </summary>
    public static int NextRollout(FlagSpec flag, int live)
    {
        if (flag.Steps.IsDefaultOrEmpty || live >= flag.Rollout)
        {
            return flag.Rollout;
        }

        return flag.Steps.Where(s => s > live && s < flag.Rollout).DefaultIfEmpty(flag.Rollout).Min();
    }

    public static string Field(string flag, string field) => $"flags.{flag}.{field}";

    private static string Interval(FlagSpec flag) => flag.Interval is { } every ? $", one step every {every}" : "";

    private static void Add(List<FieldChange> changes, string field, string? from, string to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            changes.Add(new FieldChange(field, from, to));
        }
    }
}
