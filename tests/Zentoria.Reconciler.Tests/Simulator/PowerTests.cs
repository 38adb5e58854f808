using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class PowerTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Hostname = "web01" });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_start_task_brings_the_container_up_when_it_ends()
    {
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/101/status/start");
        var during = (await _sim.GetDataAsync("nodes/pve/lxc/101/status/current"))!;
        await _sim.FinishTaskAsync(upid);
        var after = (await _sim.GetDataAsync("nodes/pve/lxc/101/status/current"))!;

        Assert.Multiple(() =>
        {
            Assert.That(upid, Does.Contain(":vzstart:101:"));
            Assert.That(during["status"]!.GetValue<string>(), Is.EqualTo("stopped"));
            Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("running"));
            Assert.That(after["pid"]!.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(after["ha"]!["managed"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(after["pressurecpusome"]!.GetValue<string>(), Is.EqualTo("0.00"));
        });
    }

    [Test]
    public async Task Uptime_counts_from_the_start_on_the_simulator_clock()
    {
        await _sim.FinishTaskAsync(await _sim.StartTaskAsync("nodes/pve/lxc/101/status/start"));
        _sim.Time.Advance(TimeSpan.FromSeconds(90));

        Assert.That((await _sim.GetDataAsync("nodes/pve/lxc/101/status/current"))!["uptime"]!.GetValue<long>(), Is.EqualTo(90));
    }

    [Test]
    public async Task Starting_a_running_container_is_refused_before_any_task()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);

        using var response = await _sim.PostAsync("nodes/pve/lxc/101/status/start");

        Assert.That(response.ReasonPhrase, Is.EqualTo("CT 101 already running"));
    }

    [TestCase("stop", "CT 101 not running")]
    [TestCase("shutdown", "CT 101 not running")]
    [TestCase("reboot", "VM 101 not running")]
    public async Task Stopping_a_stopped_container_is_refused_with_the_verbatim_text(string action, string text)
    {
        using var response = await _sim.PostAsync($"nodes/pve/lxc/101/status/{action}");

        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(response.ReasonPhrase, Is.EqualTo(text));
    }

    [Test]
    public async Task A_stop_task_brings_the_container_down()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);

        var status = await _sim.FinishTaskAsync(await _sim.StartTaskAsync("nodes/pve/lxc/101/status/shutdown", ("timeout", "30")));

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Running, Is.False);
    }

    [Test]
    public async Task Starting_an_unknown_vmid_is_accepted_and_the_task_fails()
    {
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/555/status/start");
        var status = await _sim.TaskStatusAsync(upid);
        using var log = await _sim.GetAsync($"nodes/pve/tasks/{upid}/log");
        var lines = (await SimulatorHarness.DataAsync(log))!.AsArray();

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("Configuration file 'nodes/pve/lxc/555.conf' does not exist"));
        Assert.That(lines[^1]!["t"]!.GetValue<string>(), Is.EqualTo("TASK ERROR: Configuration file 'nodes/pve/lxc/555.conf' does not exist"));
    }

    [Test]
    public async Task Power_calls_take_form_booleans_only_as_1_or_0()
    {
        _sim.Simulator.Cluster.SetRunning(101, true);

        using var response = await _sim.PostAsync("nodes/pve/lxc/101/status/shutdown", ("forceStop", "yes"));

        Assert.That((await SimulatorHarness.BodyAsync(response))["errors"]!["forceStop"]!.GetValue<string>(), Is.EqualTo("type check ('boolean') failed - got 'yes'"));
    }
}
