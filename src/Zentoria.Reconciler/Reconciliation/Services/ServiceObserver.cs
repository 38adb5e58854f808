using System.Collections.Concurrent;
using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// Asks every desired service, once per pass, whether it is healthy and which version it runs (one health probe,
/// plus the version command where the spec has one). A service whose version cannot be read is live with an unknown
/// version, which the planner does not deploy over: an unreachable guest must not redeploy the stack.
/// </summary>
internal sealed class ServiceObserver(ServiceProbe probe)
{
    private readonly ConcurrentDictionary<string, ServiceObservation> last = new(StringComparer.Ordinal);

    /// <summary>The latest observation of a service, or null before the first.</summary>
    public ServiceObservation? Last(string name) => last.GetValueOrDefault(name);

    public async Task<ImmutableArray<LiveService>> ObserveAsync(Desired desired, CancellationToken cancellationToken)
    {
        var observed = await Task.WhenAll(desired.Services.Select(s => ObserveAsync(desired, s, cancellationToken)));
        foreach (var observation in observed)
        {
            last[observation.Name] = observation;
        }

        return [.. observed.Where(o => o.Live is not null).Select(o => o.Live!)];
    }

    private async Task<ServiceObservation> ObserveAsync(Desired desired, ServiceSpec service, CancellationToken cancellationToken)
    {
        if (desired.FindContainer(service.Container) is not { } container)
        {
            return new ServiceObservation(service.Name.Value, null, "", $"The container {service.Container.Value} is not in the desired state.");
        }

        var attempt = await probe.ProbeOnceAsync(service, container, desired.Revision, cancellationToken);
        if (service.Version is null)
        {
            return new ServiceObservation(service.Name.Value, new LiveService(service.Name, null, attempt.Healthy), attempt.Detail, null);
        }

        var version = await probe.VersionAsync(service, container, desired.Revision, attempt, cancellationToken);
        var detail = version.Error is null ? attempt.Detail : $"{attempt.Detail}; {version.Error}";
        return new ServiceObservation(service.Name.Value, new LiveService(service.Name, version.Version, attempt.Healthy), detail, null);
    }
}
