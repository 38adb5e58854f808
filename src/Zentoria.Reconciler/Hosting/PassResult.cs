using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Hosting;

/// <summary>What one reconcile pass reports back to the loop.</summary>
/// <param name="Observed">Whether live state was read; the first true makes <c>/readyz</c> succeed.</param>
/// <param name="UnitsReconciled">Units that were due and reconciled in this pass.</param>
/// <param name="ActionsTaken">Mutating actions executed in this pass.</param>
internal sealed record PassResult(PassOutcome Outcome, bool Observed, int UnitsReconciled, int ActionsTaken)
{
    public static PassResult NothingToDo { get; } = new(PassOutcome.Success, Observed: true, 0, 0);
}
