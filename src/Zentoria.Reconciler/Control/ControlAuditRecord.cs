namespace Zentoria.Reconciler.Control;

/// <summary>One control action (approve, override, suspend, resume), as one line of <c>control-audit.jsonl</c>.</summary>
/// <param name="Action">Such as <c>approve</c>, <c>override-windows</c>, <c>suspend</c>, <c>resume</c>, <c>approval-lapsed</c>.</param>
/// <param name="Target">What it applies to: a plan id, a unit such as <c>Container/backend</c>, or <c>*</c> for everything.</param>
/// <param name="Actor">Who asked: the name of the token used, or <c>operator</c> for the operator itself.</param>
/// <param name="Revision">The desired-state revision in force when it was asked.</param>
internal sealed record ControlAuditRecord(DateTimeOffset Time, string Action, string Target, string Actor, string? Revision, string? Detail);
