using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>A <c>kind: Environment</c> document: what differs between production, staging and the sandbox.</summary>
/// <param name="Prune">Destroy managed containers that are no longer desired (never when nothing is desired).</param>
/// <param name="ManagedTag">The tag that marks a container as the operator's; only such containers are ever destroyed.</param>
/// <param name="Windows">Deployment windows for every unit; a unit's own windows add to them.</param>
/// <param name="Suspend">Nothing is acted on (as Flux's <c>suspend</c>); units report Suspended until it is lifted.</param>
/// <param name="Prometheus">The Prometheus a canary's metric queries go to (<c>analysis.prometheus</c>); null: health-only analysis.</param>
internal sealed record EnvironmentSpec(
    string Name,
    ProxmoxEndpointSpec Proxmox,
    GuestAccessSpec? Guests,
    bool Prune,
    string ManagedTag,
    ApprovalSpec Approval,
    ImmutableArray<SyncWindowSpec> Windows,
    SourceLocation Origin,
    bool Suspend = false,
    Uri? Prometheus = null)
{
    public const string DefaultManagedTag = "zentoria-managed";
}
