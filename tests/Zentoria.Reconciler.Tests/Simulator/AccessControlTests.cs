using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class AccessControlTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 102 });
        _sim.Simulator.Access.AddToken("viewer@pve!ro=secret", AccessControlList.Empty().Grant("/vms/101", Privileges.VmAudit));
        _sim.Http.DefaultRequestHeaders.Remove("Authorization");
        _sim.Http.DefaultRequestHeaders.Authorization = SimulatorHarness.TokenHeader("viewer@pve!ro=secret");
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task Lists_are_silently_filtered_to_the_containers_the_token_may_audit()
    {
        var list = (await _sim.GetDataAsync("nodes/pve/lxc"))!.AsArray();
        var resources = (await _sim.GetDataAsync("cluster/resources?type=vm"))!.AsArray();

        Assert.That(list.Select(c => c!["vmid"]!.GetValue<int>()), Is.EqualTo(new[] { 101 }));
        Assert.That(resources.Select(c => c!["vmid"]!.GetValue<int>()), Is.EqualTo(new[] { 101 }));
    }

    [Test]
    public async Task An_action_without_the_privilege_is_403_naming_path_and_privilege()
    {
        using var response = await _sim.PostAsync("nodes/pve/lxc/101/status/start");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
        Assert.That(response.ReasonPhrase, Is.EqualTo("Permission check failed (/vms/101, VM.PowerMgmt)"));
    }

    [Test]
    public async Task A_config_write_checks_the_privilege_of_each_key()
    {
        _sim.Simulator.Access.AddToken("ops@pve!cpu=secret", AccessControlList.Empty().Grant("/vms", Privileges.VmAudit, Privileges.VmConfigCpu));
        _sim.Http.DefaultRequestHeaders.Authorization = SimulatorHarness.TokenHeader("ops@pve!cpu=secret");

        using var cores = await _sim.PutAsync("nodes/pve/lxc/102/config", ("cores", "2"));
        using var memory = await _sim.PutAsync("nodes/pve/lxc/102/config", ("memory", "1024"));

        Assert.That((int)cores.StatusCode, Is.EqualTo(200));
        Assert.That(memory.ReasonPhrase, Is.EqualTo("Permission check failed (/vms/102, VM.Config.Memory)"));
    }
}
