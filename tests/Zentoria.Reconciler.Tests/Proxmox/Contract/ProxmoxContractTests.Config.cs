using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator.Faults;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
    [Test]
    public async Task A_config_write_with_the_read_digest_applies_and_one_with_a_stale_digest_is_a_digest_conflict(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-digest", cancellationToken);
        var before = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("memory", "512")), Digest = before.Digest }, cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxDigestConflictException>(
            () => Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("memory", "1024")), Digest = before.Digest }, cancellationToken))!;
        var after = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That((after.MemoryMiB, after.Digest), Is.EqualTo(((int?)512, after.Digest)).And.Not.EqualTo((512, before.Digest)));
            Assert.That((error.IsTransient, error.StatusCode), Is.EqualTo((true, (int?)500)));
        });
    }

    [Test]
    public async Task A_config_write_sets_and_deletes_keys_and_the_description_keeps_its_newline(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-delete", cancellationToken);

        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("description", "web frontend"), ("onboot", "1")) }, cancellationToken);
        var set = await Client.Config.GetAsync(Node, vmid, cancellationToken);
        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Delete = ["description", "onboot"] }, cancellationToken);
        var deleted = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That((set.Description, set.OnBoot, deleted.Description, deleted.OnBoot), Is.EqualTo(("web frontend\n", true, (string?)null, false)));
    }

    [Test]
    public async Task A_change_to_a_running_container_stays_pending_until_a_reboot_applies_it(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-pending", cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Status.StartAsync(Node, vmid, cancellationToken), cancellationToken);

        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("nameserver", "9.9.9.9")) }, cancellationToken);
        var merged = await Client.Config.GetAsync(Node, vmid, cancellationToken);
        var current = await Client.Config.GetCurrentAsync(Node, vmid, cancellationToken);
        var pending = (await Client.Config.GetPendingAsync(Node, vmid, cancellationToken)).Single(p => p.Key == "nameserver");
        await Client.Tasks.WaitAsync(await Client.Status.RebootAsync(Node, vmid, cancellationToken), cancellationToken);
        var rebooted = await Client.Config.GetCurrentAsync(Node, vmid, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That((merged.Get("nameserver"), current.Get("nameserver")), Is.EqualTo(("9.9.9.9", (string?)null)));
            Assert.That((pending.Pending, pending.IsPending), Is.EqualTo(("9.9.9.9", true)));
            Assert.That(rebooted.Get("nameserver"), Is.EqualTo("9.9.9.9"));
        });
    }

    [Test]
    public async Task Growing_the_root_disk_adds_to_its_size(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-resize", cancellationToken);

        await Client.Tasks.WaitAsync(await Client.Config.GrowDiskAsync(Node, vmid, "rootfs", 1L << 30, cancellationToken), cancellationToken);
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That((config.RootVolume?.Storage, config.RootVolume?.SizeBytes), Is.EqualTo((environment.Storage, (long?)(2L << 30))));
    }

    [Test]
    public async Task Rewriting_an_interface_from_its_live_value_keeps_its_mac_address(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-net", cancellationToken);
        var live = (await Client.Config.GetAsync(Node, vmid, cancellationToken)).ParsedNetworks[0];

        var changed = live.With(new Dictionary<string, string?> { ["ip"] = "192.0.2.10/24", ["gw"] = "192.0.2.1" });
        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("net0", changed.ToPropertyString())) }, cancellationToken);
        var after = (await Client.Config.GetAsync(Node, vmid, cancellationToken)).ParsedNetworks[0];

        Assert.Multiple(() =>
        {
            Assert.That(live.HardwareAddress, Does.Match("^[0-9A-F]{2}(:[0-9A-F]{2}){5}$"));
            Assert.That((after.HardwareAddress, after.Ip, after.Gateway), Is.EqualTo((live.HardwareAddress, "192.0.2.10/24", "192.0.2.1")));
        });
    }

    [Test]
    public async Task Deleting_a_required_option_is_a_terminal_refusal(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-refused", cancellationToken);

        var error = Assert.ThrowsAsync<ProxmoxException>(() => Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Delete = ["memory"] }, cancellationToken))!;

        Assert.That((error.Kind, error.IsTransient, error.ServerMessage), Is.EqualTo((ProxmoxErrorKind.Refused, false, "unable to delete required option 'memory'")));
    }

    [Test]
    public async Task An_unclassified_server_error_is_a_general_api_error_that_may_pass(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-apierror", cancellationToken);
        var request = new ApiRequest(HttpMethod.Put, ProxmoxRoutes.ContainerConfig(Node, vmid), OperationClass.Write);

        var error = Assert.ThrowsAsync<ProxmoxException>(() => Client.Connection.SendWithoutResultAsync(request, cancellationToken))!;

        Assert.That((error.Kind, error.IsTransient, error.StatusCode, error.ServerMessage), Is.EqualTo((ProxmoxErrorKind.ApiError, true, (int?)500, "no options specified")));
    }

    [Test]
    public async Task A_write_slower_than_the_attempt_timeout_is_a_timeout_that_may_have_been_applied(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-slow", cancellationToken);
        simulator.Faults.Add(FaultRule.Latency(TimeSpan.FromSeconds(5)) with { Route = "PUT /nodes/{node}/lxc/{vmid}/config", VmId = vmid.Value, Times = 1 });
        using var impatient = environment.CreateClient(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(200));

        var error = Assert.ThrowsAsync<ProxmoxTimeoutException>(() => impatient.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "2")) }, cancellationToken))!;

        Assert.That((error.IsTransient, error.MayHaveBeenApplied, error.Request?.RouteTemplate), Is.EqualTo((true, true, (string?)"/nodes/{node}/lxc/{vmid}/config")));
    }

    [Test]
    public async Task A_locked_container_refuses_writes_at_once_and_fails_power_tasks_with_the_lock_kind(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs a seeded lock");
        var vmid = await environment.CreateContainerAsync("ct-locked", cancellationToken);
        simulator.Cluster.SetLock(vmid.Value, "backup");

        var write = Assert.ThrowsAsync<ProxmoxLockedException>(() => Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "2")) }, cancellationToken))!;
        var upid = await Client.Status.StartAsync(Node, vmid, cancellationToken);
        var task = Assert.ThrowsAsync<ProxmoxTaskFailedException>(() => Client.Tasks.WaitAsync(upid, cancellationToken))!;
        simulator.Cluster.SetLock(vmid.Value, null);

        Assert.Multiple(() =>
        {
            Assert.That((write.LockKind, write.IsTransient), Is.EqualTo(("backup", true)));
            Assert.That((task.ExitStatus, task.Cause, task.IsTransient), Is.EqualTo(("CT is locked (backup)", ProxmoxErrorKind.Locked, true)));
            Assert.That(task.LastLogLines, Is.Not.Empty);
        });
    }

    [Test]
    public async Task A_config_lock_timeout_is_retried_and_a_lasting_one_is_reported_as_lock_timeout(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-flock", cancellationToken);
        const string Route = "PUT /nodes/{node}/lxc/{vmid}/config";

        simulator.Faults.Add(FaultRule.LockTimeout() with { Route = Route, VmId = vmid.Value, Times = 1 });
        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "2")) }, cancellationToken);
        simulator.Faults.Add(FaultRule.LockTimeout() with { Route = Route, VmId = vmid.Value, Times = 10 });
        var error = Assert.ThrowsAsync<ProxmoxLockTimeoutException>(() => Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "3")) }, cancellationToken))!;
        simulator.Faults.Clear();
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That((config.Cores, error.IsTransient), Is.EqualTo(((int?)2, true)));
    }
}
