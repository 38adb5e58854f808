using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.Scenarios;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class ScenarioTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator", "Fixtures", name);

    private static Task<SimulatorHarness> StartWithAsync(string fixture) =>
        SimulatorHarness.StartAsync(o => new SimulatorOptions { TimeProvider = o.TimeProvider, Scenario = ScenarioLoader.Load(Fixture(fixture)) });

    [Test]
    public async Task A_yaml_scenario_seeds_nodes_and_containers()
    {
        await using var sim = await StartWithAsync("drifted-stack.yaml");

        var backend = sim.Simulator.Cluster.FindContainer(441)!;
        var redis = sim.Simulator.Cluster.FindContainer(410)!;
        var nodes = (await sim.GetDataAsync("nodes"))!.AsArray();
        var config = (await sim.GetDataAsync("nodes/pve/lxc/441/config"))!;

        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => n!["node"]!.GetValue<string>()), Is.EqualTo(new[] { "pve", "pve2" }));
            Assert.That(backend.Running, Is.True);
            Assert.That(redis.Node, Is.EqualTo("pve2"));
            Assert.That(redis.Running, Is.False);
            Assert.That(config["cores"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(config["memory"]!.GetValue<int>(), Is.EqualTo(4096));
            Assert.That(config["rootfs"]!.GetValue<string>(), Is.EqualTo("local-lvm:vm-441-disk-0,size=16G"));
            Assert.That(config["tags"]!.GetValue<string>(), Is.EqualTo("backend;zentoria"));
            Assert.That(config["onboot"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(config["description"]!.GetValue<string>(), Is.EqualTo("Fastify / MCP gateway\n"));
            Assert.That(config["net0"]!.GetValue<string>(), Does.StartWith("name=eth0,bridge=vmbr0,gw=192.0.2.1,hwaddr=BC:24:11:"));
        });
    }

    [Test]
    public async Task A_scenario_fault_fires_as_written()
    {
        await using var sim = await StartWithAsync("drifted-stack.yaml");

        using var first = await sim.PutAsync("nodes/pve/lxc/441/config", ("cores", "4"));
        using var second = await sim.PutAsync("nodes/pve/lxc/441/config", ("cores", "4"));

        Assert.That(first.ReasonPhrase, Is.EqualTo("can't lock file '/run/lock/lxc/pve-config-441.lock' - got timeout"));
        Assert.That(second.ReasonPhrase, Is.EqualTo("OK"));
    }

    [Test]
    public async Task Scenario_tokens_have_their_acl_and_expiry()
    {
        await using var sim = await StartWithAsync("drifted-stack.yaml");
        sim.Http.DefaultRequestHeaders.Remove("Authorization");

        using var viewer = new HttpRequestMessage(HttpMethod.Get, "cluster/resources?type=vm");
        viewer.Headers.Authorization = SimulatorHarness.TokenHeader("viewer@pve!ro=11111111-2222-3333-4444-555555555555");
        var visible = (await SimulatorHarness.DataAsync(await sim.Http.SendAsync(viewer)))!.AsArray();
        using var expired = new HttpRequestMessage(HttpMethod.Get, "version");
        expired.Headers.Authorization = SimulatorHarness.TokenHeader("old@pve!gone=expired-secret");
        using var expiredResponse = await sim.Http.SendAsync(expired);

        Assert.That(visible.Select(c => c!["vmid"]!.GetValue<int>()), Is.EqualTo(new[] { 441 }));
        Assert.That((int)expiredResponse.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task A_scenario_token_can_expire_some_time_after_the_start()
    {
        var scenario = ScenarioLoader.Parse("tokens: [{ id: 'ci@pve!short', secret: s3cret, expiresAfter: 10m }]", "inline");
        await using var sim = await SimulatorHarness.StartAsync(o => new SimulatorOptions { TimeProvider = o.TimeProvider, Scenario = scenario }, withToken: false);
        sim.Http.DefaultRequestHeaders.Authorization = SimulatorHarness.TokenHeader("ci@pve!short=s3cret");

        using var before = await sim.GetAsync("version");
        sim.Time.Advance(TimeSpan.FromMinutes(10));
        using var after = await sim.GetAsync("version");

        Assert.That((int)before.StatusCode, Is.EqualTo(200));
        Assert.That((int)after.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task A_json_scenario_works_too_and_sets_the_version()
    {
        await using var sim = await StartWithAsync("single-node.json");

        using var resources = await sim.GetAsync("cluster/resources");

        Assert.That(sim.Simulator.Version, Is.EqualTo(PveVersion.V8_1));
        Assert.That(sim.Simulator.Cluster.FindContainer(442)!.Node, Is.EqualTo("pve"));
        Assert.That((int)resources.StatusCode, Is.EqualTo(595));
    }

    [Test]
    public void An_unknown_field_is_reported_with_file_line_and_column()
    {
        var error = Assert.Throws<SimulatorConfigurationException>(() => ScenarioLoader.Load(Fixture("bad-field.yaml")))!;

        Assert.That(error.Message, Does.StartWith(Fixture("bad-field.yaml") + ":3:5: "));
        Assert.That(error.Message, Does.Not.Contain("\n"));
    }

    [Test]
    public void An_unknown_fault_kind_is_reported_in_one_line()
    {
        var scenario = ScenarioLoader.Load(Fixture("bad-kind.yaml"));

        var error = Assert.ThrowsAsync<SimulatorConfigurationException>(async () => await ProxmoxSimulator.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None))!;

        Assert.That(error.Message, Does.StartWith("scenario: unknown fault kind 'explode'"));
    }

    [Test]
    public void A_missing_file_is_reported_without_a_stack_trace()
    {
        var error = Assert.Throws<SimulatorConfigurationException>(() => ScenarioLoader.Load("/nonexistent/scenario.yaml"))!;

        Assert.That(error.Message, Does.StartWith("/nonexistent/scenario.yaml: cannot read the scenario file"));
    }

    [Test]
    public void A_container_on_an_unknown_node_is_refused()
    {
        var scenario = ScenarioLoader.Parse("containers: [{ vmid: 500, node: elsewhere }]", "inline");

        var error = Assert.ThrowsAsync<SimulatorConfigurationException>(async () => await ProxmoxSimulator.StartAsync(new SimulatorOptions { Scenario = scenario }, CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("container 500: no node named 'elsewhere'"));
    }
}
