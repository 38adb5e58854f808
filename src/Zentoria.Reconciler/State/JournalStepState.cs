namespace Zentoria.Reconciler.State;

internal enum JournalStepState
{
    /// <summary>Recorded before acting: after a restart the step may or may not have happened; re-check, then resume.</summary>
    Intended,

    /// <summary>Recorded after the step's effect was confirmed.</summary>
    Completed,
}
