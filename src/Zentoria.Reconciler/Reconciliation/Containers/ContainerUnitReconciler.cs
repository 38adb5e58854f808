using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>Runs one container unit's planned steps in order, stopping at the first that is not done, and reports the unit.</summary>
internal sealed class ContainerUnitReconciler(ContainerExecutor executor, UnitReporter reporter, StatusStore status, Journal journal)
{
    /// <returns>How many mutating actions were taken, and the unit's result.</returns>
    public async Task<(int Actions, ReconcileResult Result)> ReconcileAsync(UnitWork work, Desired desired, CancellationToken cancellationToken)
    {
        ReconcileResult result = ReconcileResult.Succeeded;
        var actions = 0;
        foreach (var step in work.Steps.Where(s => !s.ReportOnly))
        {
            status.SetPhase(work.Key, step.Action.ToString(), step.Reason);
            var (outcome, acted) = await executor.ExecuteAsync(
                new ContainerStep(step, work.Container, work.Live, desired.Environment.ManagedTag, desired.Revision), cancellationToken);
            actions += acted ? 1 : 0;
            result = outcome;
            if (outcome is not Done)
            {
                break;
            }
        }

        if (result is Done)
        {
            ResolveInterrupted(work.Key);
        }

        var verdict = ContainerVerdict.Of(work.Container, work.Live, work.Steps, result);
        reporter.Report(work.Key, work.Fingerprint, desired.Revision, result, verdict.Sync, verdict.Health, verdict.DriftFields, verdict.Phase);
        return (actions, result);
    }

    // A step a kill -9 interrupted may have taken effect while the operator was down, so the next plan no longer
    // has it: once a fresh pass leaves nothing to do for the unit, its interrupted intents are settled.
    private void ResolveInterrupted(UnitKey unit)
    {
        foreach (var entry in journal.Pending().Where(e => e.Key == unit))
        {
            journal.Complete(unit, entry.Step);
        }
    }
}
