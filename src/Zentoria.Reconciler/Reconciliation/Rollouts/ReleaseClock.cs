using System.Collections.Immutable;
using System.Globalization;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// When a release started (for the progress deadline) and when traffic left its clone for good (for the keep delay),
/// journaled beside the rollout as step <see cref="Step"/>, so a restarted operator keeps counting rather than starting
/// over. The rollout's end forgets the unit's steps, and with them these times.
/// </summary>
internal sealed class ReleaseClock(Journal journal, TimeProvider time)
{
    public const string Step = "release";

    public const string TargetFact = "target";
    public const string StartedFact = "started";
    private const string IdleFact = "cloneIdleSince";

    /// <summary>When the release of <paramref name="target"/> started: journaled now if it was not, or if it was for another target.</summary>
    public DateTimeOffset StartedAt(UnitKey unit, string revision, string target)
    {
        if (Current(unit, target) is { } facts && Parse(facts.GetValueOrDefault(StartedFact)) is { } started)
        {
            return started;
        }

        var now = time.GetUtcNow();
        journal.Intend(unit, Step, revision, new Dictionary<string, string> { [TargetFact] = target, [StartedFact] = Format(now) });
        return now;
    }

    /// <summary>When traffic left the clone of <paramref name="target"/> for good: journaled the first time it is asked.</summary>
    public DateTimeOffset CloneIdleSince(UnitKey unit, string revision, string target)
    {
        var facts = new Dictionary<string, string>((IEnumerable<KeyValuePair<string, string>>?)Current(unit, target) ?? [new(TargetFact, target), new(StartedFact, Format(time.GetUtcNow()))], StringComparer.Ordinal);
        if (Parse(facts.GetValueOrDefault(IdleFact)) is { } idle)
        {
            return idle;
        }

        var now = time.GetUtcNow();
        facts[IdleFact] = Format(now);
        journal.Intend(unit, Step, revision, facts);
        return now;
    }

    private ImmutableSortedDictionary<string, string>? Current(UnitKey unit, string target) =>
        journal.Find(unit, Step) is { State: JournalStepState.Intended } entry && entry.Facts.GetValueOrDefault(TargetFact) == target ? entry.Facts : null;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
