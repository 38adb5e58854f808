using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>
/// Carries out one container step: a fresh read re-checks its precondition, and only a change still needed goes
/// through the <see cref="ActionRunner"/> (journal, node lock, global cap, audit). Failures come back as results.
/// </summary>
internal sealed class ContainerExecutor(ProxmoxClient client, ActionRunner runner, Journal journal)
{
    /// <summary>Every action name this executor journals and counts, declared to the metrics at start.</summary>
    public static readonly IReadOnlyList<string> ActionNames = ["create", "update", "resize", "start", "restart", "stop", "destroy"];

    private readonly CreateContainer create = new(client);
    private readonly UpdateContainer update = new(client);
    private readonly ResizeContainer resize = new(client);
    private readonly StartContainer start = new(client);
    private readonly RestartContainer restart = new(client);
    private readonly StopContainer stop = new(client);
    private readonly DestroyContainer destroy = new(client);

    /// <returns>The step's result, and whether a mutating action was taken.</returns>
    public async Task<(ReconcileResult Result, bool Acted)> ExecuteAsync(ContainerStep step, CancellationToken cancellationToken)
    {
        if (step.Step.Action == StepAction.Refused)
        {
            return (ReconcileResult.Terminal(step.Step.Reason), false);
        }

        var prepared = await ProxmoxOutcome.Guard(() => PrepareAsync(step, cancellationToken), PreparedStep.Blocked);
        if (prepared.IsSatisfied)
        {
            CompleteInterrupted(step);
            return (ReconcileResult.Succeeded, false);
        }

        if (prepared.Action is not { } action || prepared.Act is not { } act)
        {
            return (prepared.Outcome!, false);
        }

        var result = await runner.RunAsync(action, token => ProxmoxOutcome.Guard(() => act(token)), cancellationToken);
        return (result, true);
    }

    public static string NameOf(StepAction action) => action.ToString().ToLowerInvariant();

    private Task<PreparedStep> PrepareAsync(ContainerStep step, CancellationToken cancellationToken) => step.Step.Action switch
    {
        StepAction.Create => create.PrepareAsync(step, cancellationToken),
        StepAction.Update => update.PrepareAsync(step, cancellationToken),
        StepAction.Resize => resize.PrepareAsync(step, cancellationToken),
        StepAction.Start => start.PrepareAsync(step, cancellationToken),
        StepAction.Restart => restart.PrepareAsync(step, cancellationToken),
        StepAction.Stop => stop.PrepareAsync(step, cancellationToken),
        StepAction.Destroy => destroy.PrepareAsync(step, cancellationToken),
        _ => Task.FromResult(PreparedStep.Blocked(ReconcileResult.Terminal($"A container has no '{step.Step.Action}' step."))),
    };

    // A step a kill -9 interrupted after its intent was journaled: the fresh read shows it took effect after all.
    private void CompleteInterrupted(ContainerStep step)
    {
        if (journal.Find(step.Unit, NameOf(step.Step.Action)) is { State: JournalStepState.Intended })
        {
            journal.Complete(step.Unit, NameOf(step.Step.Action));
        }
    }
}
