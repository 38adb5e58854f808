namespace Zentoria.Reconciler.Audit;

/// <summary>One mutating action, as one line of <c>audit.jsonl</c>.</summary>
/// <param name="Revision">The desired-state revision the action enforced.</param>
/// <param name="Kind">The unit's kind, such as <c>Container</c>.</param>
/// <param name="Action">What was done, such as <c>resize-memory</c> or <c>start</c>.</param>
/// <param name="Before">The value before, as shown to people (<c>2048 MiB</c>); null when it did not exist.</param>
/// <param name="After">The value asked for; null for a removal.</param>
/// <param name="Error">The failure's message when <paramref name="Result"/> is Failed.</param>
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
    string? Error);
