using System.Collections.Immutable;

namespace Zentoria.Reconciler.Status;

/// <summary>A plan held for approval, as <c>status</c> shows it.</summary>
/// <param name="PlanId">What <c>approve</c> takes, such as <c>p-3f9a0c21de</c>.</param>
/// <param name="Revision">The only revision the approval will be valid for.</param>
/// <param name="Steps">The held steps, one line each.</param>
internal sealed record ApprovalStatus(string PlanId, string Revision, ImmutableArray<string> Steps, DateTimeOffset Since);
