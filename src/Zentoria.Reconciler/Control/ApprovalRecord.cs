namespace Zentoria.Reconciler.Control;

/// <summary>An approval of one pending plan, valid for <paramref name="Revision"/> only.</summary>
internal sealed record ApprovalRecord(string PlanId, string Revision, string ApprovedBy, DateTimeOffset ApprovedAt);
