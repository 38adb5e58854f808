using System.Collections.Immutable;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Status;

/// <summary>Derives Ready, Reconciling and Stalled from a reconcile result, as Flux's kstatus conditions do.</summary>
internal static class UnitConditions
{
    public static ImmutableArray<Condition> From(ReconcileResult result, ImmutableArray<Condition> previous, DateTimeOffset now)
    {
        var (ready, reconciling, stalled) = result switch
        {
            Done => (Set(ConditionStatus.True, "Succeeded", "Matches the desired state."), Off, Off),
            RequeueAfter r => (Set(ConditionStatus.Unknown, "Progressing", r.Reason), Set(ConditionStatus.True, "Progressing", r.Reason), Off),
            TransientError e => (Set(ConditionStatus.False, "ReconciliationFailed", e.Message), Set(ConditionStatus.True, "ProgressingWithRetry", e.Message), Off),
            TerminalError e => (Set(ConditionStatus.False, "ReconciliationFailed", e.Message), Off, Set(ConditionStatus.True, "Stalled", e.Message)),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown reconcile result."),
        };
        return
        [
            Transition(ConditionType.Ready, ready, previous, now),
            Transition(ConditionType.Reconciling, reconciling, previous, now),
            Transition(ConditionType.Stalled, stalled, previous, now),
        ];
    }

    /// <summary>The three conditions before the first reconcile: all Unknown.</summary>
    public static ImmutableArray<Condition> Initial(DateTimeOffset now) =>
    [
        new(ConditionType.Ready, ConditionStatus.Unknown, "NotReconciled", "Not reconciled yet.", now),
        new(ConditionType.Reconciling, ConditionStatus.Unknown, "NotReconciled", "Not reconciled yet.", now),
        new(ConditionType.Stalled, ConditionStatus.Unknown, "NotReconciled", "Not reconciled yet.", now),
    ];

    private static (ConditionStatus Status, string Reason, string Message) Off => (ConditionStatus.False, "None", "");

    private static (ConditionStatus Status, string Reason, string Message) Set(ConditionStatus status, string reason, string message) =>
        (status, reason, message);

    private static Condition Transition(
        ConditionType type,
        (ConditionStatus Status, string Reason, string Message) next,
        ImmutableArray<Condition> previous,
        DateTimeOffset now)
    {
        var before = previous.FirstOrDefault(c => c.Type == type);
        var since = before is not null && before.Status == next.Status ? before.LastTransitionTime : now;
        return new Condition(type, next.Status, next.Reason, next.Message, since);
    }
}
