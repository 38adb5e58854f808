using Zentoria.Reconciler.Planning;
using DesiredNetwork = Zentoria.Reconciler.DesiredState.ContainerNetwork;
using LiveInterface = Zentoria.Reconciler.Proxmox.ContainerNetwork;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>A container's <c>net0</c> between the desired model, the live model and the value Proxmox takes.</summary>
internal static class Net0
{
    public static LiveNetwork? ToLive(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var live = LiveInterface.Parse(text);
        return new LiveNetwork(live.Ip ?? "", live.Gateway, live.Bridge ?? "", live.HardwareAddress);
    }

    public static bool Matches(string? text, DesiredNetwork desired) =>
        ToLive(text) is { } live && live.Ip == desired.Ip && live.Gateway == desired.Gateway && live.Bridge == desired.Bridge;

    /// <summary>
    /// The desired address, gateway and bridge written over the existing value. Every other key stays, above all
    /// <c>hwaddr</c>: without it Proxmox would invent a new MAC and the guest would lose its DHCP lease and ARP entries.
    /// </summary>
    public static string With(string? existing, DesiredNetwork desired) =>
        LiveInterface.Parse(string.IsNullOrEmpty(existing) ? "name=eth0" : existing)
            .With(new Dictionary<string, string?> { ["bridge"] = desired.Bridge, ["ip"] = desired.Ip, ["gw"] = desired.Gateway })
            .ToPropertyString();
}
