using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// A service's temporary clone in the simulated cluster. A clone is a copy of the original's disk, so each new clone
/// (a new MAC on its <c>net0</c>: Proxmox gives every clone its own) starts with the original's version and files;
/// from then on it has its own, and a deploy into it changes only it.
/// </summary>
/// <param name="Address">Where its service listens (the clone's address without prefix), or null for 127.0.0.1.</param>
/// <param name="Ip">The clone's address in CIDR form, as the operator writes it into the clone's <c>net0</c>.</param>
internal sealed class SimulatedClone(SimulatedService service, string? address, string ip, SimulatedService original, SimulatedGuestShell originalShell, SimulatedGuestShell shell)
{
    private readonly Lock gate = new();
    private string? incarnation;

    public SimulatedService Service { get; } = service;

    public string? Address { get; } = address;

    /// <summary>True when <paramref name="container"/> carries the clone's address; a new clone is first copied from the original.</summary>
    public bool Reached(ContainerView container)
    {
        if (Net0.ToLive(container.Config.GetValueOrDefault("net0")) is not { } network || network.Ip != ip)
        {
            return false;
        }

        var mac = network.Mac ?? "";
        lock (gate)
        {
            if (incarnation != mac)
            {
                incarnation = mac;
                shell.CopyFilesFrom(originalShell);
                Service.Version = original.Version;
            }
        }

        return true;
    }
}
