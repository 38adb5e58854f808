namespace Zentoria.Reconciler.Audit;

/// <summary>One mutating action or control decision, as one line of <c>audit.jsonl</c>: the environment's single audit trail.</summary>
/// <param name="Revision">The desired-state revision the action enforced, or the one in force when a person asked.</param>
/// <param name="Kind">The unit's kind, such as <c>Container</c>; for control actions also <c>Plan</c> (an approval) or <c>Environment</c> (everything).</param>
/// <param name="Action">What was done, such as <c>resize-memory</c> or <c>start</c>; control actions are <c>approve</c>,
/// <c>approval-lapsed</c>, <c>suspend</c>, <c>resume</c>, <c>override-windows</c> and <c>clear-override</c>.</param>
/// <param name="Before">The value before, as shown to people (<c>2048 MiB</c>); null when it did not exist.</param>
/// <param name="After">The value asked for; null for a removal.</param>
/// <param name="Error">The failure's message when <paramref name="Result"/> is Failed.</param>
/// <param name="Actor">Who asked: the name of the API token for control actions, <see cref="Operator"/> for what the operator did by itself.</param>
internal sealed record AuditRecord(
    DateTimeOffset Time,
    string Revision,
    string Kind,
    string Unit,
    string Action,
    string? Before,
    string? After,
    AuditResult Result,
    double DurationSeconds,
    string? Error,
    string Actor = AuditRecord.Operator)
{
    public const string Operator = "operator";
}
