using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Keeps each service's rollout in the journal (step <see cref="Rollout.Step"/>), written before every phase acts,
/// so a <c>kill -9</c> at any moment resumes the same rollout to the same end state.
/// </summary>
internal sealed class Rollouts(Journal journal)
{
    /// <summary>The rollout a previous run left unfinished, or null.</summary>
    public Rollout? Unfinished(UnitKey unit) =>
        journal.Find(unit, Rollout.Step) is { State: JournalStepState.Intended } entry ? Rollout.From(entry) : null;

    /// <summary>Records the rollout durably; returns once it is on disk.</summary>
    public Rollout Record(UnitKey unit, string revision, Rollout rollout)
    {
        journal.Intend(unit, Rollout.Step, revision, rollout.Facts());
        return rollout;
    }

    /// <summary>The rollout is over, whatever its outcome: nothing of it needs resuming, so the unit's steps are dropped.</summary>
    public void Finish(UnitKey unit) => journal.Forget(unit);
}
