using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class ClusterTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddNode("pve2");
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Node = "pve", Running = true, Tags = ["web"] });
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 201, Node = "pve2" });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task Cluster_resources_list_every_container_with_numbers_as_numbers()
    {
        var list = (await _sim.GetDataAsync("cluster/resources?type=vm"))!.AsArray();

        var web = list.Single(r => r!["vmid"]!.GetValue<int>() == 101)!;
        Assert.Multiple(() =>
        {
            Assert.That(list.Select(r => r!["node"]!.GetValue<string>()), Is.EquivalentTo(new[] { "pve", "pve2" }));
            Assert.That(web["id"]!.GetValue<string>(), Is.EqualTo("lxc/101"));
            Assert.That(web["type"]!.GetValue<string>(), Is.EqualTo("lxc"));
            Assert.That(web["template"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(web["maxmem"]!.GetValue<long>(), Is.EqualTo(512L * 1024 * 1024));
            Assert.That(web["tags"]!.GetValue<string>(), Is.EqualTo("web"));
        });
    }

    [Test]
    public async Task A_node_lists_only_its_own_containers()
    {
        var pve2 = (await _sim.GetDataAsync("nodes/pve2/lxc"))!.AsArray();

        Assert.That(pve2.Select(c => c!["vmid"]!.GetValue<int>()), Is.EqualTo(new[] { 201 }));
    }

    [Test]
    public async Task A_container_asked_of_the_wrong_node_does_not_exist()
    {
        using var response = await _sim.GetAsync("nodes/pve/lxc/201/config");

        Assert.That(response.ReasonPhrase, Is.EqualTo("Configuration file 'nodes/pve/lxc/201.conf' does not exist"));
    }

    [Test]
    public async Task The_nodes_list_shows_every_node_with_a_fingerprint()
    {
        var nodes = (await _sim.GetDataAsync("nodes"))!.AsArray();

        Assert.That(nodes.Select(n => n!["node"]!.GetValue<string>()), Is.EqualTo(new[] { "pve", "pve2" }));
        Assert.That(nodes[0]!["ssl_fingerprint"]!.GetValue<string>(), Does.Match("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"));
    }

    [Test]
    public async Task Calls_for_an_offline_node_answer_595_with_an_empty_body()
    {
        _sim.Simulator.Cluster.SetNodeOnline("pve2", online: false);

        using var response = await _sim.GetAsync("nodes/pve2/lxc");

        Assert.That((int)response.StatusCode, Is.EqualTo(595));
        Assert.That(response.ReasonPhrase, Is.EqualTo("No route to host"));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task Localhost_names_the_node_being_talked_to()
    {
        var list = (await _sim.GetDataAsync("nodes/localhost/lxc"))!.AsArray();

        Assert.That(list.Select(c => c!["vmid"]!.GetValue<int>()), Is.EqualTo(new[] { 101 }));
    }

    [Test]
    public async Task A_running_container_reports_its_interfaces_and_a_stopped_one_refuses()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 441, Running = true, Net0 = "name=eth0,bridge=vmbr0,hwaddr=BC:24:11:2E:C5:7E,ip=192.0.2.241/24" });

        var interfaces = (await _sim.GetDataAsync("nodes/pve/lxc/441/interfaces"))!.AsArray();
        using var stopped = await _sim.GetAsync("nodes/pve2/lxc/201/interfaces");

        var eth0 = interfaces.Single(i => i!["name"]!.GetValue<string>() == "eth0")!;
        Assert.That(eth0["inet"]!.GetValue<string>(), Is.EqualTo("192.0.2.241/24"));
        Assert.That(eth0["hwaddr"]!.GetValue<string>(), Is.EqualTo("bc:24:11:2e:c5:7e"));
        Assert.That(stopped.ReasonPhrase, Is.EqualTo("CT 201 not running"));
    }
}
