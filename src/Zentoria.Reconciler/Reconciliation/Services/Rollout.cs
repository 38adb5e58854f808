using System.Collections.Immutable;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// A rollout in progress, as journaled: what ran before (which cannot be observed once the new version is in place),
/// the target, the snapshot's name, the phase and why the new version failed.
/// </summary>
/// <param name="Previous">The version that ran before the deploy; null when it could not be read.</param>
/// <param name="Snapshot">The snapshot taken (or about to be taken) before deploying; null when none is asked for.</param>
/// <param name="Failure">Why <paramref name="Target"/> failed, once it has.</param>
internal sealed record Rollout(string? Previous, string Target, string? Snapshot, RolloutPhase Phase, string? Failure)
{
    public const string Step = "rollout";

    public ImmutableSortedDictionary<string, string> Facts()
    {
        var facts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        facts["target"] = Target;
        facts["phase"] = Phase.ToString();
        Add(facts, "previous", Previous);
        Add(facts, "snapshot", Snapshot);
        Add(facts, "failure", Failure);
        return facts.ToImmutable();
    }

    /// <summary>The rollout a journal entry describes, or null when the entry is not one this version wrote.</summary>
    public static Rollout? From(JournalEntry entry) =>
        entry.Facts.TryGetValue("target", out var target) && entry.Facts.TryGetValue("phase", out var phase) && Enum.TryParse<RolloutPhase>(phase, out var parsed)
            ? new Rollout(entry.Facts.GetValueOrDefault("previous"), target, entry.Facts.GetValueOrDefault("snapshot"), parsed, entry.Facts.GetValueOrDefault("failure"))
            : null;

    private static void Add(ImmutableSortedDictionary<string, string>.Builder facts, string key, string? value)
    {
        if (value is not null)
        {
            facts[key] = value;
        }
    }
}
