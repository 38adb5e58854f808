using System.Globalization;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// Decides, for one flag with progressive steps, the percentage to write now: one step up once the current step has
/// been watched for the flag's interval with the owning service Healthy; back to the last good step, and held there,
/// when the service is Degraded or Missing; otherwise the same percentage.
/// </summary>
/// <remarks>
/// The live percentage comes from the flags file, the rest from a <see cref="FlagRolloutRecord"/>. A percentage at
/// or below the last good one needs no watching, so a rollout's first step is written at once; the last step is
/// watched like the others before the rollout counts as complete. Lowering a flag is always safe and immediate.
/// </remarks>
internal static class FlagRolloutPlanner
{
    public static FlagRolloutDecision Decide(FlagSpec flag, int live, FlagRolloutRecord? record, FlagRolloutContext context)
    {
        var target = flag.Rollout;
        if (flag.Steps.IsDefaultOrEmpty || live > target)
        {
            return Complete(target);
        }

        var signature = Signature(flag);
        if (live == target)
        {
            // Only a last step this rollout wrote is watched; a flag found at its target is simply there.
            return record is { HeldBecause: null } last && last.Percentage == target && last.Signature == signature && last.LastGood < target
                ? Step(flag, last, context)
                : Complete(target);
        }

        var current = Current(flag, live, record, signature, context);
        return current.HeldBecause is { } why
            ? new(live, FlagRolloutState.Held, current, $"{flag.Name} held at {live}% since a rollback ({why}); change the flag's steps, rollout or interval to go on.", null)
            : Step(flag, current, context);
    }

    /// <summary>What a rollout follows: a change of any part releases a hold and re-plans from the live percentage.</summary>
    public static string Signature(FlagSpec flag) => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(",", flag.Steps)}->{flag.Rollout}@{(flag.Interval ?? TimeSpan.Zero).TotalSeconds}s");

    private static FlagRolloutDecision Step(FlagSpec flag, FlagRolloutRecord current, FlagRolloutContext context)
    {
        var (live, health, service) = (current.Percentage, context.Health, context.Service);
        if (health is HealthStatus.Degraded or HealthStatus.Missing && current.LastGood < live)
        {
            var held = $"{service} was {health} at {live}% at {Iso(context.Now)}";
            var back = current with { Percentage = current.LastGood, ReachedAt = context.Now, Revision = context.Revision, HeldBecause = held };
            return new(current.LastGood, FlagRolloutState.RolledBack, back,
                $"{flag.Name} rolled back from {live}% to {current.LastGood}% because {service} is {health}; held there until the flag's steps, rollout or interval change.", null);
        }

        var last = live == flag.Rollout;
        var next = last ? live : FlagSetPlanner.NextRollout(flag, live);
        if (health != HealthStatus.Healthy)
        {
            return new(live, FlagRolloutState.WaitingForHealth, current,
                $"{flag.Name} at {live}% ({Position(flag, live)}); waiting for {service} to be Healthy (it is {health}) before {(last ? "the rollout is complete" : $"{next}%")}.", null);
        }

        var interval = flag.Interval ?? TimeSpan.Zero;
        var due = current.Percentage <= current.LastGood ? current.ReachedAt : current.ReachedAt + interval;
        if (context.Now < due)
        {
            return new(live, FlagRolloutState.Watching, current, last
                ? $"{flag.Name} at {live}% ({Position(flag, live)}); watched until {Iso(due)} while {service} stays Healthy."
                : $"{flag.Name} at {live}% ({Position(flag, live)}); next {next}% at {Iso(due)} while {service} stays Healthy.", due);
        }

        if (last)
        {
            return Complete(live);
        }

        var raised = current with { Percentage = next, ReachedAt = context.Now, LastGood = live, Revision = context.Revision };
        var watchedUntil = context.Now + interval;
        return new(next, FlagRolloutState.Raised, raised,
            $"{flag.Name} raised from {live}% to {next}% ({Position(flag, next)}); {(next == flag.Rollout ? "watched" : $"next {FlagSetPlanner.NextRollout(flag, next)}% at")} {Iso(watchedUntil)} while {service} stays Healthy.",
            watchedUntil);
    }

    // The record speaks of the live percentage only if it says the same; anything else was changed by someone else.
    private static FlagRolloutRecord Current(FlagSpec flag, int live, FlagRolloutRecord? record, string signature, FlagRolloutContext context)
    {
        if (record is { } known && known.Percentage == live)
        {
            return known.Signature == signature ? known : known with { Signature = signature, HeldBecause = null };
        }

        var lastGood = record is null ? live : Math.Min(record.LastGood, live);
        return new FlagRolloutRecord(context.FlagSet, flag.Name, live, context.Now, lastGood, signature, context.Revision, null);
    }

    private static FlagRolloutDecision Complete(int rollout) => new(rollout, FlagRolloutState.Complete, null, null, null);

    private static string Position(FlagSpec flag, int percentage)
    {
        var index = flag.Steps.IndexOf(percentage);
        var count = flag.Steps.Length.ToString(CultureInfo.InvariantCulture);
        return index >= 0 ? $"step {(index + 1).ToString(CultureInfo.InvariantCulture)} of {count}"
            : percentage < flag.Steps[0] ? $"before step 1 of {count}"
            : $"between steps, {count} in all";
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
