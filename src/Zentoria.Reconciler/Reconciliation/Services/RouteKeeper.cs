using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Outside a release a routed service's upstream file sends all its traffic to the service's own container. The live
/// routing is the file, so a hand edit of a file the operator owns is drift like any other: corrected, or only reported
/// when the service's drift mode is <c>warn</c>. A missing file, one without the marker or one that cannot be read is
/// left alone here: the releases write it, and a foreign file is never overwritten.
/// </summary>
internal sealed class RouteKeeper(ServiceProbe probe, UpstreamWriter writer, ActionRunner runner)
{
    public const string RouteAction = "route";

    /// <returns>Null when the route is as desired or cannot be judged; otherwise the unit's verdict.</returns>
    public async Task<ServiceVerdict?> KeepAsync(UnitWork work, Desired desired, ServiceSpec spec, ContainerSpec container, CancellationToken cancellationToken)
    {
        if (UpstreamTarget.For(desired, spec) is not { } target || desired.FindContainer(target.ProxyContainer) is not { } proxyContainer
            || probe.ShellFor(proxyContainer) is not { } shell || probe.EndpointOf(container, spec) is not { } endpoint)
        {
            return null;
        }

        var live = await UpstreamReader.ReadAsync(shell, target.File, cancellationToken);
        var wanted = UpstreamRouting.All(target.Upstream, UpstreamPool.Stable, new UpstreamEndpoint(endpoint.Address, endpoint.Port));
        if (live.State != UpstreamFileState.Owned || live.DriftFrom(wanted) is null)
        {
            return null;
        }

        if (spec.Drift.Mode == DriftMode.Warn)
        {
            return new ServiceVerdict(ReconcileResult.Succeeded, SyncStatus.OutOfSync, HealthStatus.Healthy, 1, "DriftReported");
        }

        var action = new MutatingAction(work.Key, RouteAction, container.Node, container.VmId, desired.Revision, live.Routing!.ToString(), wanted.ToString());
        var result = await runner.RunAsync(action, async token =>
            (await writer.WriteAsync(shell, target, wanted, reloadIfUnchanged: false, token)).ToReconcileResult(), cancellationToken);
        return new ServiceVerdict(result, result is Done ? SyncStatus.Synced : SyncStatus.OutOfSync, HealthStatus.Healthy, 1, null, 1);
    }
}
