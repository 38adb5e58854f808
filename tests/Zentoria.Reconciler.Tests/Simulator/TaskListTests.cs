using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class TaskListTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 102 });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task The_task_list_shows_running_tasks_as_RUNNING_and_finished_ones_with_exit_status_and_endtime()
    {
        var first = await _sim.StartTaskAsync("nodes/pve/lxc/101/status/start");
        await _sim.FinishTaskAsync(first);
        var second = await _sim.StartTaskAsync("nodes/pve/lxc/102/status/start");

        var all = (await _sim.GetDataAsync("nodes/pve/tasks?source=all"))!.AsArray();
        var active = (await _sim.GetDataAsync("nodes/pve/tasks?source=active"))!.AsArray();
        var for101 = (await _sim.GetDataAsync("nodes/pve/tasks?vmid=101"))!.AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(t => t!["upid"]!.GetValue<string>()), Is.EquivalentTo(new[] { first, second }));
            Assert.That(active.Single()!["status"]!.GetValue<string>(), Is.EqualTo("RUNNING"));
            Assert.That(for101.Single()!["status"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(for101.Single()!["endtime"]!.GetValue<long>(), Is.GreaterThan(for101.Single()!["starttime"]!.GetValue<long>()));
        });
    }

    [Test]
    public async Task Stopping_a_hung_task_ends_it_with_interrupted_by_signal_and_frees_the_lock()
    {
        _sim.Simulator.Faults.Add(FaultRule.HangTask() with { Route = "POST /nodes/{node}/lxc/{vmid}/snapshot" });
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/101/snapshot", ("snapname", "stuck"));

        using var response = await _sim.DeleteAsync($"nodes/pve/tasks/{upid}");
        await SimulatorHarness.DataAsync(response);
        var status = await _sim.TaskStatusAsync(upid);

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("interrupted by signal"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Lock, Is.Null);
    }
}
