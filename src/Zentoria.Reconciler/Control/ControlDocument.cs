using System.Collections.Immutable;

namespace Zentoria.Reconciler.Control;

/// <summary>What <c>control.json</c> in the state folder holds: every run-time control decision, so a restart keeps them.</summary>
internal sealed record ControlDocument(
    ImmutableArray<ApprovalRecord> Approvals,
    ImmutableArray<SuspensionRecord> Suspensions,
    WindowOverride? Override)
{
    public static readonly ControlDocument Empty = new([], [], null);
}
