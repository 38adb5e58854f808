using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>
/// Dependency waves from <c>dependsOn</c>: a service with no dependencies is in wave 0, any other one wave after
/// its latest dependency. A container is in the earliest wave of the services it hosts, so it is in place before
/// any of them; a container that hosts none is in wave 0.
/// </summary>
internal sealed class Waves
{
    private readonly Dictionary<ServiceName, int> services;
    private readonly Dictionary<ContainerName, int> containers;

    private Waves(Dictionary<ServiceName, int> services, Dictionary<ContainerName, int> containers)
    {
        this.services = services;
        this.containers = containers;
        Last = services.Values.Append(0).Max();
    }

    /// <summary>The last wave; pruning runs in it, once everything desired is in place.</summary>
    public int Last { get; }

    public static Waves Of(Desired desired)
    {
        var specs = desired.Services.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        var services = new Dictionary<ServiceName, int>();
        foreach (var name in specs.Keys)
        {
            Resolve(name, specs, services, []);
        }

        var containers = desired.Services
            .GroupBy(s => s.Container)
            .ToDictionary(g => g.Key, g => g.Min(s => services[s.Name]));
        return new Waves(services, containers);
    }

    public int Service(ServiceName name) => services.GetValueOrDefault(name);

    public int Container(ContainerName name) => containers.GetValueOrDefault(name);

    private static int Resolve(ServiceName name, Dictionary<ServiceName, ServiceSpec> specs, Dictionary<ServiceName, int> waves, HashSet<ServiceName> visiting)
    {
        if (waves.TryGetValue(name, out var known))
        {
            return known;
        }

        // Validation rejects unknown names and cycles; the guard only keeps a model that skipped it from looping.
        if (!specs.TryGetValue(name, out var spec) || !visiting.Add(name))
        {
            return -1;
        }

        var wave = spec.DependsOn.Select(d => Resolve(d, specs, waves, visiting)).Append(-1).Max() + 1;
        visiting.Remove(name);
        waves[name] = wave;
        return wave;
    }
}
