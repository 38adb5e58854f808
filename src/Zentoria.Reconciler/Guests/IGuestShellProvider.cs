using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests;

/// <summary>Finds the shell into a container: SSH for a real environment, <see cref="Simulated.SimulatedGuests"/> for the sandbox.</summary>
internal interface IGuestShellProvider
{
    /// <returns>The container's shell, or null when this environment cannot reach into it.</returns>
    IGuestShell? ShellFor(ContainerSpec container);
}
