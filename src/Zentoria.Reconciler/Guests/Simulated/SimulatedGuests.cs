using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// The sandbox's guests: one <see cref="SimulatedGuestShell"/> per container name, made on first use, and the
/// services running in them, whose health endpoints <see cref="StartServicesAsync"/> puts on loopback. Once it
/// <see cref="Follow"/>s a simulated cluster, a guest answers (HTTP and shell) only while its container runs there,
/// and a service's temporary clone (<see cref="AddClone"/>) answers at the clone's own address once the cluster has
/// the clone running with that address on its <c>net0</c>.
/// </summary>
internal sealed class SimulatedGuests(TimeProvider time) : IGuestShellProvider, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SimulatedGuestShell> shells = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (SimulatedService Service, string? Address)> services = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SimulatedClone> clones = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> vmIds = new(StringComparer.Ordinal);
    private SimulatedServiceHost? host;
    private SimulatedCluster? cluster;
    private bool started;

    public TimeProvider Time => time;

    public SimulatedGuestShell Shell(string container) => shells.GetOrAdd(container, name => new SimulatedGuestShell(name, time)
    {
        Reach = () => Runs(name) ? null : new GuestError(GuestErrorKind.Unreachable, $"{name} is not running, so nothing answers SSH there."),
    });

    public IGuestShell? ShellFor(ContainerSpec container)
    {
        vmIds.TryAdd(container.Name.Value, container.VmId.Value);
        return Shell(container.Name.Value);
    }

    /// <summary>From now on a guest answers only while its container runs in <paramref name="simulated"/>.</summary>
    public void Follow(SimulatedCluster simulated) => Volatile.Write(ref cluster, simulated);

    /// <summary>Puts <paramref name="service"/> into its container, running <paramref name="version"/>; call before <see cref="StartServicesAsync"/>.</summary>
    public SimulatedService AddService(ContainerSpec container, ServiceSpec service, string? version)
    {
        var name = container.Name.Value;
        var added = new SimulatedService(service.Name.Value, name, service.Image, service.Health.Path, version) { Answers = () => Runs(name) };
        vmIds[name] = container.VmId.Value;
        services[service.Name.Value] = (added, container.Network.Address);
        return added;
    }

    /// <summary>
    /// Gives <paramref name="service"/> (added already) a temporary clone in <paramref name="clone"/>: it answers only
    /// while the followed cluster runs that VMID with the clone's address, and each new clone starts as a copy of the
    /// original (its version and files) at the moment it is first reached. Call before <see cref="StartServicesAsync"/>.
    /// </summary>
    public SimulatedService AddClone(ContainerSpec clone, ServiceSpec service)
    {
        var original = Service(service.Name.Value) ?? throw new InvalidOperationException($"Add {service.Name.Value} before its clone.");
        var name = clone.Name.Value;
        var added = original.In(name);
        added.Answers = () => Runs(name);
        vmIds[name] = clone.VmId.Value;
        clones[name] = new SimulatedClone(added, clone.Network.Address, clone.Network.Ip, original, Shell(original.Container), Shell(name));
        return added;
    }

    /// <summary>The service in its own container (never a clone).</summary>
    public SimulatedService? Service(string name) => services.TryGetValue(name, out var entry) ? entry.Service : null;

    /// <summary>The clone of a service, whether or not the cluster has it now.</summary>
    public SimulatedService? CloneOf(string name) => clones.Values.Select(c => c.Service).FirstOrDefault(s => s.Name == name);

    public IReadOnlyList<SimulatedService> All => [.. services.Values.Select(e => e.Service).OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>The services of one container (a clone's container included).</summary>
    public IReadOnlyList<SimulatedService> ServicesIn(string container) =>
        [.. services.Values.Select(e => e.Service).Concat(clones.Values.Select(c => c.Service)).Where(s => s.Container == container).OrderBy(s => s.Name, StringComparer.Ordinal)];

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
            host = await SimulatedServiceHost.StartAsync([.. services.Values, .. clones.Values.Select(c => (c.Service, c.Address))], cancellationToken);
        }
    }

    /// <remarks>
    /// Without a followed cluster there is no clone to simulate: a clone's endpoint is then the original's, so the
    /// operator sees it cannot tell the two apart and deploys in place.
    /// </remarks>
    public ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service) =>
        Volatile.Read(ref cluster) is not null && clones.TryGetValue(container.Name.Value, out var clone) ? clone.Service.Endpoint : Service(service.Name.Value)?.Endpoint;

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>True while the container runs (always, for an original, when no cluster is followed; never, for a clone).</summary>
    private bool Runs(string container)
    {
        var followed = Volatile.Read(ref cluster);
        clones.TryGetValue(container, out var clone);
        if (followed is null || !vmIds.TryGetValue(container, out var vmId))
        {
            return clone is null;
        }

        var view = followed.FindContainer(vmId);
        return view is { Running: true } && (clone is null || clone.Reached(view));
    }
}
