using System.Text.RegularExpressions;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class TaskAndLockTests
{
    private const string Template = "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst";
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync() => _sim = await SimulatorHarness.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [Test]
    public async Task A_upid_has_nine_fields_with_hex_numbers_and_a_trailing_colon()
    {
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));

        Assert.That(upid, Does.Match(@"^UPID:pve:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzcreate:101:root@pam!zentoria:$"));
        var starttime = Convert.ToInt64(upid.Split(':')[4], 16);
        Assert.That(starttime, Is.EqualTo(_sim.Time.GetUtcNow().ToUnixTimeSeconds()));
    }

    [Test]
    public async Task A_create_shows_the_container_with_lock_create_until_its_task_ends()
    {
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));

        var during = (await _sim.GetDataAsync("nodes/pve/lxc"))!.AsArray().Single()!;
        var running = await _sim.TaskStatusAsync(upid);
        var finished = await _sim.FinishTaskAsync(upid);
        var after = (await _sim.GetDataAsync("nodes/pve/lxc/101/status/current"))!;

        Assert.Multiple(() =>
        {
            Assert.That(during["lock"]!.GetValue<string>(), Is.EqualTo("create"));
            Assert.That(running["status"]!.GetValue<string>(), Is.EqualTo("running"));
            Assert.That(running.AsObject().ContainsKey("exitstatus"), Is.False);
            Assert.That(finished["status"]!.GetValue<string>(), Is.EqualTo("stopped"));
            Assert.That(finished["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(finished["user"]!.GetValue<string>(), Is.EqualTo("root@pam"));
            Assert.That(finished["tokenid"]!.GetValue<string>(), Is.EqualTo("zentoria"));
            Assert.That(after.AsObject().ContainsKey("lock"), Is.False);
        });
    }

    [Test]
    public async Task A_finished_task_log_ends_with_TASK_OK()
    {
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));
        await _sim.FinishTaskAsync(upid);

        using var response = await _sim.GetAsync($"nodes/pve/tasks/{upid}/log?limit=0");
        var body = await SimulatorHarness.BodyAsync(response);
        var lines = body["data"]!.AsArray();

        Assert.That(lines[0]!["n"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(lines[^1]!["t"]!.GetValue<string>(), Is.EqualTo("TASK OK"));
        Assert.That(body["total"]!.GetValue<int>(), Is.EqualTo(lines.Count));
    }

    [Test]
    public async Task Task_status_must_be_asked_of_the_node_in_the_upid()
    {
        _sim.Simulator.Cluster.AddNode("pve2");
        var upid = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));

        using var wrongNode = await _sim.GetAsync($"nodes/pve2/tasks/{upid}/status");
        using var malformed = await _sim.GetAsync("nodes/pve/tasks/UPID:nonsense/status");

        Assert.That((await SimulatorHarness.BodyAsync(wrongNode))["errors"]!["upid"]!.GetValue<string>(), Is.EqualTo("no such task"));
        Assert.That((await SimulatorHarness.BodyAsync(malformed))["errors"]!["upid"]!.GetValue<string>(), Is.EqualTo("unable to parse worker upid"));
    }

    [Test]
    public async Task A_clone_locks_its_source_with_disk_so_a_second_clone_fails_at_once()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 441, Hostname = "backend" });

        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/441/clone", ("newid", "411"), ("hostname", "backend-blue"));
        using var second = await _sim.PostAsync("nodes/pve/lxc/441/clone", ("newid", "412"));
        var sourceDuring = _sim.Simulator.Cluster.FindContainer(441)!;
        var targetDuring = _sim.Simulator.Cluster.FindContainer(411)!;
        var status = await _sim.FinishTaskAsync(upid);

        Assert.Multiple(() =>
        {
            Assert.That(upid, Does.Contain(":vzclone:441:"));
            Assert.That((int)second.StatusCode, Is.EqualTo(500));
            Assert.That(second.ReasonPhrase, Is.EqualTo("CT is locked (disk)"));
            Assert.That(sourceDuring.Lock, Is.EqualTo("disk"));
            Assert.That(targetDuring.Lock, Is.EqualTo("create"));
            Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("OK"));
            Assert.That(_sim.Simulator.Cluster.FindContainer(441)!.Lock, Is.Null);
            Assert.That(_sim.Simulator.Cluster.FindContainer(411)!.Config["hostname"], Is.EqualTo("backend-blue"));
            Assert.That(_sim.Simulator.Cluster.FindContainer(411)!.Config["rootfs"], Does.StartWith("local-lvm:vm-411-disk-0"));
        });
    }

    [Test]
    public async Task A_config_write_on_a_locked_container_is_refused_synchronously()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Lock = "backup" });

        using var response = await _sim.PutAsync("nodes/pve/lxc/101/config", ("cores", "2"));

        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(response.ReasonPhrase, Is.EqualTo("CT is locked (backup)"));
    }

    [Test]
    public async Task A_start_of_a_locked_container_is_accepted_and_its_task_fails()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Lock = "backup" });

        var upid = await _sim.StartTaskAsync("nodes/pve/lxc/101/status/start");
        var status = await _sim.TaskStatusAsync(upid);

        Assert.That(status["exitstatus"]!.GetValue<string>(), Is.EqualTo("CT is locked (backup)"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Running, Is.False);
    }

    [Test]
    public async Task A_destroy_holds_lock_destroyed_and_removes_the_container_when_done()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });

        using var response = await _sim.DeleteAsync("nodes/pve/lxc/101");
        var upid = (await SimulatorHarness.DataAsync(response))!.GetValue<string>();
        var during = _sim.Simulator.Cluster.FindContainer(101)!.Lock;
        await _sim.FinishTaskAsync(upid);

        Assert.That(during, Is.EqualTo("destroyed"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101), Is.Null);
    }

    [Test]
    public async Task A_running_container_is_not_destroyed_without_force()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, Running = true });

        using var response = await _sim.DeleteAsync("nodes/pve/lxc/101");

        Assert.That(response.ReasonPhrase, Is.EqualTo("unable to destroy CT 101 - container is running"));
    }

    [Test]
    public async Task A_second_create_of_the_same_vmid_says_it_already_exists()
    {
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101 });

        using var response = await _sim.PostAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));

        Assert.That(response.ReasonPhrase, Is.EqualTo("CT 101 already exists on node 'pve'"));
    }

    [Test]
    public async Task Tasks_finish_in_the_order_they_were_started()
    {
        var first = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "101"), ("ostemplate", Template));
        _sim.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await _sim.StartTaskAsync("nodes/pve/lxc", ("vmid", "102"), ("ostemplate", Template));
        _sim.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That((await _sim.TaskStatusAsync(first))["status"]!.GetValue<string>(), Is.EqualTo("stopped"));
        Assert.That((await _sim.TaskStatusAsync(second))["status"]!.GetValue<string>(), Is.EqualTo("running"));
        Assert.That(Regex.IsMatch(second, ":vzcreate:102:"), Is.True);
    }

    [Test]
    public async Task A_create_allocates_new_volumes_for_rootfs_and_mount_points()
    {
        await _sim.CreateContainerAsync(101, ("mp0", "local-lvm:16,mp=/data"), ("hostname", "db01"), ("unprivileged", "1"));

        var config = _sim.Simulator.Cluster.FindContainer(101)!.Config;

        Assert.That(config["rootfs"], Is.EqualTo("local-lvm:vm-101-disk-0,size=8G"));
        Assert.That(config["mp0"], Is.EqualTo("local-lvm:vm-101-disk-1,mp=/data,size=16G"));
    }
}
