using System.Net;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Simulator;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class SimulatorOptionsTests
{
    [Test]
    public void A_non_loopback_listen_address_is_refused_before_anything_listens()
    {
        var error = Assert.ThrowsAsync<SimulatorConfigurationException>(async () =>
            await ProxmoxSimulator.StartAsync(new SimulatorOptions { ListenAddress = IPAddress.Parse("192.0.2.10") }, CancellationToken.None))!;

        Assert.That(error.Message, Is.EqualTo("the simulator listens on loopback only (127.0.0.1 or [::1]), not on 192.0.2.10"));
    }

    [Test]
    public void A_malformed_token_is_refused_without_echoing_it()
    {
        var error = Assert.ThrowsAsync<SimulatorConfigurationException>(async () =>
            await ProxmoxSimulator.StartAsync(new SimulatorOptions { Token = "no-realm-secret" }, CancellationToken.None))!;

        Assert.That(error.Message, Does.Not.Contain("no-realm-secret"));
    }

    [Test]
    public async Task The_given_token_is_the_one_accepted()
    {
        await using var sim = await ProxmoxSimulator.StartAsync(new SimulatorOptions { Token = "ci@pve!runner=abc123" }, CancellationToken.None);

        Assert.That(sim.Token, Is.EqualTo("ci@pve!runner=abc123"));
    }

    [Test]
    public async Task The_default_state_is_one_node_named_pve_without_containers()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        var storages = (await sim.GetDataAsync("cluster/resources?type=storage"))!.AsArray();

        Assert.That(sim.Simulator.Cluster.Nodes.Select(n => n.Name), Is.EqualTo(new[] { "pve" }));
        Assert.That(sim.Simulator.Cluster.Containers(), Is.Empty);
        Assert.That(storages.Select(s => s!["storage"]!.GetValue<string>()), Is.EqualTo(new[] { "local", "local-lvm" }));
        Assert.That(sim.Simulator.Token, Does.Match("^root@pam!zentoria=[0-9a-f-]{36}$"));
    }

    [TestCase("192.0.2.1:8006", "the simulator listens on loopback only (127.0.0.1 or [::1]), not on 192.0.2.1")]
    [TestCase("127.0.0.1", "--listen '127.0.0.1' is not ADDRESS:PORT (for example 127.0.0.1:8006 or [::1]:8006)")]
    [TestCase("127.0.0.1:99999", "--listen '127.0.0.1:99999' is not ADDRESS:PORT (for example 127.0.0.1:8006 or [::1]:8006)")]
    public void The_command_line_reports_bad_listen_addresses_in_one_line(string listen, string message)
    {
        var error = Assert.Throws<SimulatorConfigurationException>(() => SimulatorCommand.BuildOptions(listen, null, false, null, null, null))!;

        Assert.That(error.Message, Is.EqualTo(message));
    }

    [Test]
    public void The_command_line_version_flag_wins_over_the_scenario()
    {
        var file = new FileInfo(Path.Combine(TestContext.CurrentContext.TestDirectory, "Simulator", "Fixtures", "single-node.json"));

        var options = SimulatorCommand.BuildOptions("[::1]:0", null, true, "9.1", file, "250ms");

        Assert.That(options.Version, Is.EqualTo(PveVersion.V9_1));
        Assert.That(options.Scenario!.PveVersion, Is.Null);
        Assert.That(options.ListenAddress, Is.EqualTo(IPAddress.IPv6Loopback));
        Assert.That(options.TaskDuration, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
    }

    [Test]
    public async Task The_simulator_verb_exits_1_with_one_line_for_a_bad_scenario()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var command = new System.CommandLine.RootCommand { SimulatorCommand.Create() };

        var exit = await command.Parse(["simulator", "--listen", "127.0.0.1:0", "--scenario", "/nonexistent.yaml"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(error.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error.ToString(), Does.StartWith("error: /nonexistent.yaml: cannot read the scenario file"));
    }

    [Test]
    public async Task The_simulator_verb_prints_url_token_and_fingerprint_and_exits_0_when_cancelled()
    {
        var output = new SignallingWriter("Ctrl+C");
        var command = new System.CommandLine.RootCommand { SimulatorCommand.Create() };
        using var stop = new CancellationTokenSource();

        var run = command.Parse(["simulator", "--listen", "127.0.0.1:0", "--https", "--token", "me@pve!t=s"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output }, stop.Token);
        await Task.WhenAny(output.Seen, run).WaitAsync(TimeSpan.FromSeconds(30));

        await stop.CancelAsync();
        var exit = await run;

        Assert.That(exit, Is.EqualTo(0));
        Assert.That(output.ToString(), Does.Contain("https://127.0.0.1:").And.Contain("/api2/json/"));
        Assert.That(output.ToString(), Does.Contain("me@pve!t=s"));
        Assert.That(output.ToString(), Does.Match("fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    }
}
