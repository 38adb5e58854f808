using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Config;

internal sealed class ContainerNetworkTests
{
    private const string Live = "name=eth0,bridge=vmbr0,firewall=1,gw=192.168.1.1,hwaddr=BC:24:11:2E:C5:7E,ip=192.168.1.50/24,type=veth";

    [Test]
    public void A_live_interface_reads_its_name_bridge_mac_address_and_gateway()
    {
        var network = ContainerNetwork.Parse(Live);

        Assert.That((network.Name, network.Bridge, network.HardwareAddress, network.Ip, network.Gateway),
            Is.EqualTo(("eth0", "vmbr0", "BC:24:11:2E:C5:7E", "192.168.1.50/24", "192.168.1.1")));
    }

    [Test]
    public void Changing_the_address_keeps_the_mac_so_proxmox_does_not_invent_a_new_one()
    {
        var changed = ContainerNetwork.Parse(Live).With(new Dictionary<string, string?> { ["ip"] = "192.168.1.60/24", ["firewall"] = null });

        Assert.That(changed.ToPropertyString(), Is.EqualTo("name=eth0,bridge=vmbr0,gw=192.168.1.1,hwaddr=BC:24:11:2E:C5:7E,ip=192.168.1.60/24,type=veth"));
    }

    [Test]
    public void A_hand_written_order_is_rewritten_with_name_first_then_alphabetical()
    {
        Assert.That(ContainerNetwork.Parse("ip=dhcp,bridge=vmbr1,name=eth1").ToPropertyString(), Is.EqualTo("name=eth1,bridge=vmbr1,ip=dhcp"));
    }
}
