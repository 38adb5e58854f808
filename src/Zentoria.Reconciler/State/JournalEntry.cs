using System.Collections.Immutable;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.State;

/// <summary>One step of one unit, as journaled.</summary>
/// <param name="Step">The step's stable name, such as <c>canary-25</c> or <c>resize-disk</c>.</param>
/// <param name="Revision">The desired-state revision the step was planned for.</param>
/// <param name="Facts">
/// What cannot be observed afterwards (a canary step's start time, the version that failed). Never secrets:
/// the state folder is plain files.
/// </param>
internal sealed record JournalEntry(
    UnitKind Kind,
    string Unit,
    string Step,
    JournalStepState State,
    string Revision,
    ImmutableSortedDictionary<string, string> Facts,
    DateTimeOffset IntendedAt,
    DateTimeOffset? CompletedAt)
{
    public UnitKey Key => new(Kind, Unit);
}
