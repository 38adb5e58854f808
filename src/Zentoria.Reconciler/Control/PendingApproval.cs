using System.Collections.Immutable;

namespace Zentoria.Reconciler.Control;

/// <summary>A plan held for approval, as <c>status</c> and <c>plan</c> show it.</summary>
/// <param name="Steps">The held steps, one line each, as the plan prints them.</param>
internal sealed record PendingApproval(string PlanId, string Revision, ImmutableArray<string> Steps, DateTimeOffset Since);
