using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// The sandbox's guests: one <see cref="SimulatedGuestShell"/> per container name, made on first use, and the
/// services running in them, whose health endpoints <see cref="StartServicesAsync"/> puts on loopback.
/// </summary>
internal sealed class SimulatedGuests(TimeProvider time) : IGuestShellProvider, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedGuestShell> shells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (SimulatedService Service, string? Address)> services = new(StringComparer.Ordinal);
    private SimulatedServiceHost? host;
    private bool started;

    public SimulatedGuestShell Shell(string container) => shells.GetOrAdd(container, name => new SimulatedGuestShell(name, time));

    public IGuestShell? ShellFor(ContainerSpec container) => Shell(container.Name.Value);

    /// <summary>Puts <paramref name="service"/> into its container, running <paramref name="version"/>; call before <see cref="StartServicesAsync"/>.</summary>
    public SimulatedService AddService(ContainerSpec container, ServiceSpec service, string? version)
    {
        var added = new SimulatedService(service.Name.Value, container.Name.Value, service.Image, service.Health.Path, version);
        services[service.Name.Value] = (added, container.Network.Address);
        return added;
    }

    public SimulatedService? Service(string name) => services.TryGetValue(name, out var entry) ? entry.Service : null;

    public IReadOnlyList<SimulatedService> All => [.. services.Values.Select(e => e.Service).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The services of one container.</summary>
    public IReadOnlyList<SimulatedService> ServicesIn(string container) =>
        [.. services.Values.Select(e => e.Service).Where(s => s.Container == container).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Starts answering every added service's health endpoint over HTTP on loopback.</summary>
    public async Task StartServicesAsync(CancellationToken cancellationToken)
    {
        if (started)
        {
            throw new InvalidOperationException("The simulated services are already started.");
        }

        started = true;

        // Kestrel without an endpoint would listen on its default port; with no services there is nothing to serve.
        if (!services.IsEmpty)
        {
            host = await SimulatedServiceHost.StartAsync([.. services.Values], cancellationToken);
        }
    }

    public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) => Service(service.Name.Value)?.Endpoint;

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
