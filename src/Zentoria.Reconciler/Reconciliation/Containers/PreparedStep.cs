namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>
/// What a fresh read says about a step: already satisfied (nothing to do), blocked (the result to report, such as
/// a lock held), or a change to make through the <see cref="ActionRunner"/>.
/// </summary>
internal sealed record PreparedStep(ReconcileResult? Outcome, MutatingAction? Action, Func<CancellationToken, Task<ReconcileResult>>? Act)
{
    public static PreparedStep Satisfied { get; } = new(ReconcileResult.Succeeded, null, null);

    public bool IsSatisfied => Outcome is Done && Action is null;

    public static PreparedStep Blocked(ReconcileResult outcome) => new(outcome, null, null);

    public static PreparedStep Mutate(MutatingAction action, Func<CancellationToken, Task<ReconcileResult>> act) => new(null, action, act);

    public static PreparedStep Locked(ContainerStep step, string lockName) =>
        Blocked(ReconcileResult.Transient($"{step.CtLabel} is locked ({lockName}); waiting for the lock to clear."));
}
