namespace Zentoria.Reconciler.Status;

/// <param name="Reason">A CamelCase word scripts may match on, such as <c>DependencyNotReady</c>.</param>
/// <param name="LastTransitionTime">When <paramref name="Status"/> last changed; not touched when only the message does.</param>
internal sealed record Condition(
    ConditionType Type,
    ConditionStatus Status,
    string Reason,
    string Message,
    DateTimeOffset LastTransitionTime);
