using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests;

/// <summary>
/// Reaches into containers: SSH for a real environment (<see cref="Ssh.SshGuestShellProvider"/>),
/// <see cref="Simulated.SimulatedGuests"/> for the sandbox.
/// </summary>
internal interface IGuestShellProvider
{
    /// <returns>The container's shell, or null when this environment cannot reach into it.</returns>
    IGuestShell? ShellFor(ContainerSpec container);

    /// <summary>Where <paramref name="service"/>'s port answers, for http and tcp health checks.</summary>
    /// <returns>null when the container has no known address (DHCP).</returns>
    ServiceEndpoint? EndpointOf(ContainerSpec container, ServiceSpec service);
}
