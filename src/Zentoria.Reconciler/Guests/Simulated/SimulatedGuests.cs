using System.Collections.Concurrent;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>The sandbox's guests: one <see cref="SimulatedGuestShell"/> per container name, made on first use.</summary>
internal sealed class SimulatedGuests(TimeProvider time) : IGuestShellProvider
{
    private readonly ConcurrentDictionary<string, SimulatedGuestShell> shells = new(StringComparer.Ordinal);

    public SimulatedGuestShell Shell(string container) => shells.GetOrAdd(container, name => new SimulatedGuestShell(name, time));

    public IGuestShell? ShellFor(ContainerSpec container) => Shell(container.Name.Value);
}
