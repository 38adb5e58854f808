using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// Reads what <see cref="BlueGreenRelease.Decide"/> needs from the live system: the clone as Proxmox lists it, the
/// version each side answers with, and where the upstream file on the proxy sends traffic.
/// </summary>
internal sealed class BlueGreenObserver(ProxmoxClient client, ServiceProbe probe)
{
    /// <summary>Either the observation (versions, clone, upstream) or why it could not be made (transient).</summary>
    public async Task<(BlueGreenView? View, ReconcileResult? Error)> ObserveAsync(BlueGreenSides sides, CancellationToken cancellationToken)
    {
        var clone = await ProxmoxOutcome.Guard<(CloneState? State, ReconcileResult? Error)>(async () =>
        {
            var listed = await client.Containers.ListAsync(sides.Original.Container.Node, cancellationToken);
            var found = listed.FirstOrDefault(c => c.VmId == sides.CloneVmId);
            return (found is null ? CloneState.Absent : found.Status == GuestPowerState.Running ? CloneState.Running : CloneState.Stopped, null);
        }, error => (null, error));
        if (clone.State is not { } cloneState)
        {
            return (null, clone.Error);
        }

        var live = await UpstreamReader.ReadAsync(sides.Proxy, sides.Target.File, cancellationToken);
        if (live.State == UpstreamFileState.Unreadable)
        {
            return (null, ReconcileResult.Transient($"The upstream file {live.File} cannot be read: {live.Problem}"));
        }

        var originalVersion = await VersionOfAsync(sides.Original, cancellationToken);
        var cloneVersion = cloneState == CloneState.Running ? await VersionOfAsync(sides.Temporary, cancellationToken) : null;
        return (new BlueGreenView(cloneState, originalVersion, cloneVersion, SideOf(live, Endpoint(sides.Original), Endpoint(sides.Temporary)), live.Routing), null);
    }

    public UpstreamEndpoint? Endpoint(ServiceDeployment side) =>
        probe.EndpointOf(side.Container, side.Spec) is { } endpoint ? new UpstreamEndpoint(endpoint.Address, endpoint.Port) : null;

    private async Task<string?> VersionOfAsync(ServiceDeployment side, CancellationToken cancellationToken)
    {
        var attempt = await probe.ProbeOnceAsync(side.Spec, side.Container, side.Revision, cancellationToken);
        return (await probe.VersionAsync(side.Spec, side.Container, side.Revision, attempt, cancellationToken)).Version;
    }

    private static UpstreamSide SideOf(LiveUpstream live, UpstreamEndpoint? original, UpstreamEndpoint? clone)
    {
        if (live.State == UpstreamFileState.NotOwned)
        {
            return UpstreamSide.Foreign;
        }

        if (live.Routing is not { } routing || routing.Servers.Length == 0)
        {
            return UpstreamSide.None;
        }

        if (routing.Servers.Length > 1)
        {
            return UpstreamSide.Split;
        }

        var only = routing.Servers[0];
        return only.Pool switch
        {
            UpstreamPool.Stable when only.Endpoint == original => UpstreamSide.Original,
            UpstreamPool.Canary when only.Endpoint == clone => UpstreamSide.Clone,
            _ => UpstreamSide.None,
        };
    }
}
