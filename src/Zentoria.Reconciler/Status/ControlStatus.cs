using System.Collections.Immutable;

namespace Zentoria.Reconciler.Status;

/// <summary>Run-time control of the environment: the plan held for approval, suspensions and the window override.</summary>
/// <param name="PendingApproval">The plan waiting for <c>approve &lt;id&gt;</c>; null when nothing waits.</param>
/// <param name="Suspended">Suspended units such as <c>Container/backend</c>, or <c>*</c> for everything.</param>
/// <param name="WindowOverrideUntil">Until when disruptive steps may run outside the deployment windows; null when not overridden.</param>
internal sealed record ControlStatus(ApprovalStatus? PendingApproval, ImmutableArray<string> Suspended, DateTimeOffset? WindowOverrideUntil)
{
    public static readonly ControlStatus None = new(null, [], null);
}
