using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class VersionDifferenceTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync(o => new SimulatorOptions { TimeProvider = o.TimeProvider, TaskDuration = o.TaskDuration, Version = PveVersion.V8_1 });
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task Version_reports_release_8_1()
    {
        var version = (await _sim.GetDataAsync("version"))!;

        Assert.That(version["release"]!.GetValue<string>(), Is.EqualTo("8.1"));
        Assert.That(version["version"]!.GetValue<string>(), Does.StartWith("8.1."));
    }

    [Test]
    public async Task Error_bodies_carry_no_message_field()
    {
        using var response = await _sim.GetAsync("nodes/pve/lxc/999/config");
        var body = await SimulatorHarness.BodyAsync(response);

        Assert.That(response.ReasonPhrase, Is.EqualTo("Configuration file 'nodes/pve/lxc/999.conf' does not exist"));
        Assert.That(body.ContainsKey("message"), Is.False);
    }

    [Test]
    public async Task The_node_container_list_sends_vmid_as_a_string()
    {
        var item = (await _sim.GetDataAsync("nodes/pve/lxc"))!.AsArray().Single()!;
        var resource = (await _sim.GetDataAsync("cluster/resources?type=vm"))!.AsArray().Single()!;

        Assert.That(item["vmid"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String));
        Assert.That(item["vmid"]!.GetValue<string>(), Is.EqualTo("101"));
        Assert.That(resource["vmid"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
    }

    [Test]
    public async Task A_bad_token_gives_the_raw_cause_as_reason()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "version");
        request.Headers.Authorization = SimulatorHarness.TokenHeader("root@pam!zentoria=wrong");
        using var response = await _sim.Http.SendAsync(request);
        using var unknown = new HttpRequestMessage(HttpMethod.Get, "version");
        unknown.Headers.Authorization = SimulatorHarness.TokenHeader("root@pam!other=wrong");
        using var unknownResponse = await _sim.Http.SendAsync(unknown);

        Assert.That(response.ReasonPhrase, Is.EqualTo("invalid token value!"));
        Assert.That(unknownResponse.ReasonPhrase, Is.EqualTo("no such token 'other' for user 'root@pam'"));
    }

    [Test]
    public async Task An_unknown_path_answers_501_with_an_empty_body()
    {
        using var response = await _sim.GetAsync("nodes/pve/qemu");

        Assert.That((int)response.StatusCode, Is.EqualTo(501));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
    }

    [Test]
    public async Task A_create_without_unprivileged_makes_a_privileged_container()
    {
        await _sim.CreateContainerAsync(150);

        Assert.That(_sim.Simulator.Cluster.FindContainer(150)!.Config["unprivileged"], Is.EqualTo("0"));
    }
}
