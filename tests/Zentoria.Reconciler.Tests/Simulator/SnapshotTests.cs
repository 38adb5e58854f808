using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class SnapshotTests
{
    private const string Snapshots = "nodes/pve/lxc/101/snapshot";
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Cores = 2, Running = true });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_container_without_snapshots_lists_only_current()
    {
        var list = (await _sim.GetDataAsync(Snapshots))!.AsArray();
        var digest = (await _sim.GetDataAsync("nodes/pve/lxc/101/config"))!["digest"]!.GetValue<string>();

        var current = list.Single()!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(current["name"]!.GetValue<string>(), Is.EqualTo("current"));
            Assert.That(current["description"]!.GetValue<string>(), Is.EqualTo("You are here!"));
            Assert.That(current["running"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(current["digest"]!.GetValue<string>(), Is.EqualTo(digest));
            Assert.That(current.ContainsKey("parent"), Is.False);
        });
    }

    [Test]
    public async Task A_snapshot_holds_lock_snapshot_and_becomes_the_parent_of_current()
    {
        var upid = await _sim.StartTaskAsync(Snapshots, ("snapname", "before-upgrade"), ("description", "pre apt upgrade"));
        var lockDuring = _sim.Simulator.Cluster.FindContainer(101)!.Lock;
        var status = await _sim.FinishTaskAsync(upid);
        var list = (await _sim.GetDataAsync(Snapshots))!.AsArray();
        var config = (await _sim.GetDataAsync("nodes/pve/lxc/101/config"))!;

        Assert.Multiple(() =>
        {
            Assert.That(upid, Does.Contain(":vzsnapshot:101:"));
            Assert.That(lockDuring, Is.EqualTo("snapshot"));
            Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(list[0]!["name"]!.GetValue<string>(), Is.EqualTo("before-upgrade"));
            Assert.That(list[0]!["snaptime"]!.GetValue<long>(), Is.EqualTo(_sim.Time.GetUtcNow().ToUnixTimeSeconds() - 2));
            Assert.That(list[^1]!["parent"]!.GetValue<string>(), Is.EqualTo("before-upgrade"));
            Assert.That(config["parent"]!.GetValue<string>(), Is.EqualTo("before-upgrade"));
            Assert.That(config.AsObject().ContainsKey("lock"), Is.False);
        });
    }

    [Test]
    public async Task A_rollback_restores_the_config_and_leaves_the_container_stopped()
    {
        await _sim.FinishTaskAsync(await _sim.StartTaskAsync(Snapshots, ("snapname", "base")));
        using (await _sim.PutAsync("nodes/pve/lxc/101/config", ("cores", "8")))
        {
        }

        var status = await _sim.FinishTaskAsync(await _sim.StartTaskAsync(Snapshots + "/base/rollback"));
        var config = (await _sim.GetDataAsync("nodes/pve/lxc/101/config"))!;

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
        Assert.That(config["cores"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Running, Is.False);
    }

    [Test]
    public async Task Deleting_a_snapshot_reparents_current()
    {
        await _sim.FinishTaskAsync(await _sim.StartTaskAsync(Snapshots, ("snapname", "one")));
        await _sim.FinishTaskAsync(await _sim.StartTaskAsync(Snapshots, ("snapname", "two")));

        using var response = await _sim.DeleteAsync(Snapshots + "/two");
        await _sim.FinishTaskAsync((await SimulatorHarness.DataAsync(response))!.GetValue<string>());
        var list = (await _sim.GetDataAsync(Snapshots))!.AsArray();

        Assert.That(list.Select(s => s!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "one", "current" }));
        Assert.That(list[^1]!["parent"]!.GetValue<string>(), Is.EqualTo("one"));
    }

    [Test]
    public async Task A_container_on_directory_storage_cannot_be_snapshotted_and_the_task_says_so()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 102, RootfsStorage = "local" });

        var status = await _sim.TaskStatusAsync(await _sim.StartTaskAsync("nodes/pve/lxc/102/snapshot", ("snapname", "s1")));

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("snapshot feature is not available"));
    }

    [Test]
    public async Task A_used_name_fails_in_the_task_and_a_reserved_name_fails_at_once()
    {
        await _sim.FinishTaskAsync(await _sim.StartTaskAsync(Snapshots, ("snapname", "base")));

        var again = await _sim.TaskStatusAsync(await _sim.StartTaskAsync(Snapshots, ("snapname", "base")));
        using var reserved = await _sim.PostAsync(Snapshots, ("snapname", "current"));

        Assert.That(again["exitstatus"]!.GetValue<string>(), Is.EqualTo("snapshot name 'base' already used"));
        Assert.That(reserved.ReasonPhrase, Is.EqualTo("unable to use snapshot name 'current' (reserved name)"));
    }

    [Test]
    public async Task An_invalid_name_is_a_400_whose_text_ends_in_a_newline()
    {
        using var response = await _sim.PostAsync(Snapshots, ("snapname", "1st"));
        using var vmstate = await _sim.PostAsync(Snapshots, ("snapname", "ok1"), ("vmstate", "1"));

        Assert.That((await SimulatorHarness.BodyAsync(response))["errors"]!["snapname"]!.GetValue<string>(), Is.EqualTo("invalid format - invalid configuration ID '1st'\n"));
        Assert.That((int)vmstate.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_rollback_to_a_missing_snapshot_fails_in_the_task()
    {
        var status = await _sim.TaskStatusAsync(await _sim.StartTaskAsync(Snapshots + "/nope/rollback"));

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("snapshot 'nope' does not exist"));
    }
}
