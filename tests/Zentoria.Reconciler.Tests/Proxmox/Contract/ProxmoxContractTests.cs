using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Faults;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

/// <summary>
/// Every client method and every error kind against a server: the simulator in both modes, and a real Proxmox
/// when one is configured. Cases that need fault injection or state seeding run on the simulator only.
/// </summary>
[TestFixtureSource(typeof(ContractTargets), nameof(ContractTargets.All))]
[Category("Contract")]
[CancelAfter(60_000)]
internal sealed class ProxmoxContractTests(string target)
{
    private ContractEnvironment environment = null!;

    private ProxmoxClient Client => environment.Client;

    private NodeName Node => environment.Node;

    [OneTimeSetUp]
    public async Task StartTarget()
    {
        environment = target switch
        {
            ContractTargets.Simulator91 => await ContractEnvironment.StartSimulatorAsync(PveVersion.V9_1),
            ContractTargets.Simulator81 => await ContractEnvironment.StartSimulatorAsync(PveVersion.V8_1),
            _ => ContractEnvironment.FromEnvironment()!,
        };
        if (environment is null)
        {
            Assert.Ignore(ContractEnvironment.RealServerMissing);
        }
    }

    [OneTimeTearDown]
    public async Task StopTarget()
    {
        if (environment is not null)
        {
            await environment.DisposeAsync();
        }
    }

    [Test]
    public async Task The_version_names_a_major_minor_release(CancellationToken cancellationToken)
    {
        var version = await Client.Version.GetAsync(cancellationToken);

        Assert.That(version.ReleaseVersion, Is.Not.Null.And.GreaterThanOrEqualTo(new Version(7, 0)));
        if (environment.Simulator is { } simulator)
        {
            Assert.That(version.Release, Is.EqualTo(simulator.Version.Release()));
        }
    }

    [Test]
    public async Task The_node_list_names_the_node_and_the_fingerprint_that_was_pinned(CancellationToken cancellationToken)
    {
        var nodes = await Client.Nodes.ListAsync(cancellationToken);

        var node = nodes.Single(n => n.Node == Node);
        Assert.That(node.Status, Is.EqualTo(NodeStatus.Online));
        if (environment.Options.CertificateFingerprint is { } pinned)
        {
            Assert.That(CertificateFingerprint.TryParse(node.SslFingerprint, out var listed) && CertificateFingerprint.TryParse(pinned, out var expected) && listed.Equals(expected), Is.True);
        }
    }

    [Test]
    public async Task Nextid_offers_a_free_vmid_and_refuses_a_used_one_with_a_parameter_error(CancellationToken cancellationToken)
    {
        var used = await environment.CreateContainerAsync("ct-nextid", cancellationToken);

        var free = await Client.Cluster.GetNextIdAsync(cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxParameterException>(() => Client.Cluster.GetNextIdAsync(cancellationToken, used))!;

        Assert.Multiple(() =>
        {
            Assert.That(free, Is.Not.EqualTo(used));
            Assert.That(free.IsInRange, Is.True);
            Assert.That(error.Errors["vmid"], Is.EqualTo($"VM {used} already exists"));
        });
    }

    [Test]
    public async Task A_created_container_is_listed_by_the_cluster_and_its_node_with_its_config(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-listed", cancellationToken);

        var inCluster = (await Client.Cluster.GetContainersAsync(cancellationToken)).Single(r => r.VmId == vmid);
        var onNode = (await Client.Containers.ListAsync(Node, cancellationToken)).Single(c => c.VmId == vmid);
        var status = await Client.Status.GetCurrentAsync(Node, vmid, cancellationToken);
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That((inCluster.Node, inCluster.Type, inCluster.PowerState, inCluster.Name), Is.EqualTo(((NodeName?)Node, ClusterResourceType.Lxc, GuestPowerState.Stopped, "ct-listed")));
            Assert.That(onNode.Status, Is.EqualTo(GuestPowerState.Stopped));
            Assert.That((status.VmId, status.Status, status.Lock, status.MaxMemoryBytes), Is.EqualTo((vmid, GuestPowerState.Stopped, (string?)null, 256L * 1024 * 1024)));
            Assert.That((config.Hostname, config.MemoryMiB, config.Unprivileged, config.Tags), Is.EqualTo(("ct-listed", (int?)256, true, (IReadOnlyList<string>)["contract"])));
            Assert.That(config.Digest, Has.Length.EqualTo(40));
        });
    }

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
    public async Task Start_shutdown_and_stop_move_the_container_between_running_and_stopped(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-power", cancellationToken);

        await Client.Tasks.WaitAsync(await Client.Status.StartAsync(Node, vmid, cancellationToken), cancellationToken);
        var started = await Client.Status.GetCurrentAsync(Node, vmid, cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Status.ShutdownAsync(Node, vmid, cancellationToken, TimeSpan.FromSeconds(30), forceStop: true), cancellationToken);
        var shutDown = await Client.Status.GetCurrentAsync(Node, vmid, cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Status.StartAsync(Node, vmid, cancellationToken), cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Status.StopAsync(Node, vmid, cancellationToken), cancellationToken);
        var stopped = await Client.Status.GetCurrentAsync(Node, vmid, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That((started.Status, started.Pid is > 0), Is.EqualTo((GuestPowerState.Running, true)));
            Assert.That((shutDown.Status, stopped.Status, stopped.Pid), Is.EqualTo((GuestPowerState.Stopped, GuestPowerState.Stopped, (long?)null)));
        });
    }

    [Test]
    public async Task A_running_container_reports_its_interfaces_and_a_stopped_one_is_not_running(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-ifaces", cancellationToken);
        var stopped = Assert.ThrowsAsync<ProxmoxNotRunningException>(() => Client.Status.GetInterfacesAsync(Node, vmid, cancellationToken))!;
        await Client.Tasks.WaitAsync(await Client.Status.StartAsync(Node, vmid, cancellationToken), cancellationToken);

        var interfaces = await Client.Status.GetInterfacesAsync(Node, vmid, cancellationToken);
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        var eth0 = interfaces.Single(i => i.Name == "eth0");
        Assert.Multiple(() =>
        {
            Assert.That(stopped.ServerMessage, Is.EqualTo($"CT {vmid} not running"));
            Assert.That(config.Networks[0], Does.Contain("hwaddr=" + eth0.HardwareAddress!.ToUpperInvariant()));
            Assert.That(eth0.Inet, Does.Contain('/'));
        });
    }

    [Test]
    public async Task Starting_a_running_container_is_already_running_and_stopping_a_stopped_one_is_not_running(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-state", cancellationToken);

        var notRunning = Assert.ThrowsAsync<ProxmoxNotRunningException>(() => Client.Status.StopAsync(Node, vmid, cancellationToken))!;
        await Client.Tasks.WaitAsync(await Client.Status.StartAsync(Node, vmid, cancellationToken), cancellationToken);
        var alreadyRunning = Assert.ThrowsAsync<ProxmoxAlreadyRunningException>(() => Client.Status.StartAsync(Node, vmid, cancellationToken))!;

        Assert.That((notRunning.ServerMessage, alreadyRunning.ServerMessage), Is.EqualTo(($"CT {vmid} not running", $"CT {vmid} already running")));
    }

    [Test]
    public async Task Growing_the_root_disk_adds_to_its_size(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-resize", cancellationToken);

        await Client.Tasks.WaitAsync(await Client.Config.GrowDiskAsync(Node, vmid, "rootfs", 1L << 30, cancellationToken), cancellationToken);
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That(config.RootFs, Does.Contain("size=2G"));
    }

    [Test]
    public async Task A_snapshot_is_created_listed_rolled_back_to_and_deleted(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-snap", cancellationToken);

        await Client.Tasks.WaitAsync(await Client.Snapshots.CreateAsync(Node, vmid, "before", cancellationToken, "pre change"), cancellationToken);
        await Client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("memory", "1024")) }, cancellationToken);
        var listed = await Client.Snapshots.ListAsync(Node, vmid, cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Snapshots.RollbackAsync(Node, vmid, "before", cancellationToken), cancellationToken);
        var rolledBack = await Client.Config.GetAsync(Node, vmid, cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Snapshots.DeleteAsync(Node, vmid, "before", cancellationToken), cancellationToken);
        var afterDelete = await Client.Snapshots.ListAsync(Node, vmid, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(s => s.Name), Is.EqualTo(new[] { "before", "current" }));
            // The reference shows snapshot descriptions with the config's trailing newline; the simulator omits it.
            Assert.That((listed[0].Description.TrimEnd('\n'), listed[1].Parent, listed[1].Digest?.Length), Is.EqualTo(("pre change", "before", (int?)40)));
            Assert.That(rolledBack.MemoryMiB, Is.EqualTo(256));
            Assert.That(afterDelete.Select(s => s.Name), Is.EqualTo(new[] { "current" }));
        });
    }

    [Test]
    public async Task A_snapshot_name_that_breaks_the_naming_rule_is_a_parameter_error_naming_snapname(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-badsnap", cancellationToken);

        var error = Assert.ThrowsAsync<ProxmoxParameterException>(() => Client.Snapshots.CreateAsync(Node, vmid, "1st", cancellationToken))!;

        Assert.That((error.Errors["snapname"], error.IsTransient), Is.EqualTo(("invalid format - invalid configuration ID '1st'", false)));
    }

    [Test]
    public async Task A_clone_makes_a_new_container_and_destroy_removes_it(CancellationToken cancellationToken)
    {
        var source = await environment.CreateContainerAsync("ct-source", cancellationToken);
        var newId = await Client.Cluster.GetNextIdAsync(cancellationToken);
        environment.Track(newId);

        await Client.Tasks.WaitAsync(await Client.Containers.CloneAsync(Node, source, new ContainerCloneRequest { NewId = newId, Hostname = "ct-clone", Full = true }, cancellationToken), cancellationToken);
        var clone = await Client.Config.GetAsync(Node, newId, cancellationToken);
        await Client.Tasks.WaitAsync(await Client.Containers.DestroyAsync(Node, newId, cancellationToken, purge: true), cancellationToken);
        var gone = Assert.ThrowsAsync<ProxmoxNotFoundException>(() => Client.Config.GetAsync(Node, newId, cancellationToken))!;

        Assert.That((clone.Hostname, clone.MemoryMiB, gone.IsTransient), Is.EqualTo(("ct-clone", (int?)256, true)));
    }

    [Test]
    public async Task Creating_a_vmid_that_exists_is_already_exists(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-exists", cancellationToken);

        var error = Assert.ThrowsAsync<ProxmoxAlreadyExistsException>(() => Client.Containers.CreateAsync(Node, environment.NewContainer(vmid, "ct-again"), cancellationToken))!;

        Assert.That(error.ServerMessage, Is.EqualTo($"CT {vmid} already exists on node '{Node}'"));
    }

    [Test]
    public void Reading_a_container_that_does_not_exist_is_not_found(CancellationToken cancellationToken)
    {
        var error = Assert.ThrowsAsync<ProxmoxNotFoundException>(() => Client.Status.GetCurrentAsync(Node, new VmId(999_999_001), cancellationToken))!;

        Assert.That(error.ServerMessage, Is.EqualTo($"Configuration file 'nodes/{Node}/lxc/999999001.conf' does not exist"));
    }

    [Test]
    public async Task A_finished_task_reports_its_status_and_log_on_the_node_of_its_upid(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-task", cancellationToken);
        var upid = await Client.Status.StartAsync(Node, vmid, cancellationToken);

        var waited = await Client.Tasks.WaitAsync(upid, cancellationToken);
        var status = await Client.Tasks.GetStatusAsync(upid, cancellationToken);
        var log = await Client.Tasks.GetLogAsync(upid, 0, 50, cancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That((upid.Node, upid.Type, upid.Id), Is.EqualTo((Node, "vzstart", vmid.ToString())));
            Assert.That((waited.ExitStatus, status.Status, status.Type), Is.EqualTo(("OK", TaskState.Stopped, "vzstart")));
            Assert.That((log.Lines[^1].Text, log.Total), Is.EqualTo(("TASK OK", log.Lines.Count)));
        });
    }

    [Test]
    public async Task The_node_task_list_finds_a_guest_task_by_type(CancellationToken cancellationToken)
    {
        var vmid = await environment.CreateContainerAsync("ct-tasklist", cancellationToken);
        var upid = await Client.Status.StartAsync(Node, vmid, cancellationToken);
        await Client.Tasks.WaitAsync(upid, cancellationToken);

        var tasks = await Client.Tasks.ListAsync(Node, vmid, "vzstart", 5, cancellationToken);

        Assert.That(tasks.Select(t => (t.Upid, t.Type, t.Status)), Does.Contain((upid.ToString(), "vzstart", (string?)"OK")));
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
    public void A_path_proxmox_does_not_have_is_not_implemented(CancellationToken cancellationToken)
    {
        var route = new ApiRoute("/nodes/{node}/lxc/{vmid}/exec", $"/nodes/{Node}/lxc/100/exec", Node);

        var error = Assert.ThrowsAsync<ProxmoxNotImplementedException>(
            () => Client.Connection.SendAsync<JsonElement>(new ApiRequest(HttpMethod.Post, route, OperationClass.Write), cancellationToken))!;

        Assert.That((error.StatusCode, error.ServerMessage), Is.EqualTo(((int?)501, $"Method 'POST /nodes/{Node}/lxc/100/exec' not implemented")));
    }

    [Test]
    public void A_wrong_token_secret_is_unauthorized_and_the_line_never_shows_a_secret(CancellationToken cancellationToken)
    {
        Assert.That(ProxmoxApiToken.TryParse(environment.Options.ApiToken, out var token, out _), Is.True);
        using var client = environment.CreateClient(o => o.ApiToken = token!.TokenId + "=00000000-0000-0000-0000-000000000000");

        var error = Assert.ThrowsAsync<ProxmoxUnauthorizedException>(() => client.Version.GetAsync(cancellationToken))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith($"Proxmox at {environment.Options.BaseUrl!.GetLeftPart(UriPartial.Authority)} rejected the API token {token!.TokenId}: 401 "));
            Assert.That(error.Message, Does.Not.Contain(token.Secret.Reveal()).And.Not.Contain("00000000-0000"));
        });
    }

    [Test]
    public async Task A_token_without_the_privilege_is_forbidden_with_the_acl_path_and_privilege(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs a token with a restricted ACL");
        var vmid = await environment.CreateContainerAsync("ct-acl", cancellationToken);
        simulator.Access.AddToken("auditor@pve!ro=5b0c1f5e-4a4e-4c55-9d1c-2f0b8a3e7d21", AccessControlList.Empty().Grant("/vms", "VM.Audit"));
        using var auditor = environment.CreateClient(o => o.ApiToken = "auditor@pve!ro=5b0c1f5e-4a4e-4c55-9d1c-2f0b8a3e7d21");

        var status = await auditor.Status.GetCurrentAsync(Node, vmid, cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxForbiddenException>(() => auditor.Status.StartAsync(Node, vmid, cancellationToken))!;

        Assert.That((status.VmId, error.AclPath, error.Privilege, error.IsTransient), Is.EqualTo((vmid, $"/vms/{vmid}", "VM.PowerMgmt", false)));
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

    [Test]
    public async Task An_unreachable_node_is_retried_on_reads_and_reported_as_node_unreachable_when_it_lasts(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-595", cancellationToken);
        const string Route = "GET /nodes/{node}/lxc/{vmid}/config";

        simulator.Faults.Add(FaultRule.ProxyFailure("Broken pipe") with { Route = Route, VmId = vmid.Value, Times = 1 });
        var config = await Client.Config.GetAsync(Node, vmid, cancellationToken);
        simulator.Faults.Add(FaultRule.NodeUnreachable("No route to host") with { Route = Route, VmId = vmid.Value, Times = 10 });
        var error = Assert.ThrowsAsync<ProxmoxNodeUnreachableException>(() => Client.Config.GetAsync(Node, vmid, cancellationToken))!;
        simulator.Faults.Clear();

        Assert.That((config.Hostname, error.StatusCode, error.ServerMessage, error.IsTransient), Is.EqualTo(("ct-595", (int?)595, "No route to host", true)));
    }

    [Test]
    public async Task A_failed_task_carries_its_exit_status_and_last_log_lines(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-failtask", cancellationToken);
        simulator.Faults.Add(FaultRule.FailTask($"startup for container '{vmid}' failed") with { Route = "POST /nodes/{node}/lxc/{vmid}/status/start", VmId = vmid.Value, Times = 1 });

        var upid = await Client.Status.StartAsync(Node, vmid, cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxTaskFailedException>(() => Client.Tasks.WaitAsync(upid, cancellationToken))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.ExitStatus, error.Upid), Is.EqualTo(($"startup for container '{vmid}' failed", upid)));
            Assert.That(error.LastLogLines[^1], Is.EqualTo($"TASK ERROR: startup for container '{vmid}' failed"));
        });
    }

    [Test]
    public async Task A_task_that_never_finishes_is_a_task_timeout_at_the_deadline(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-hang", cancellationToken);
        simulator.Faults.Add(FaultRule.HangTask() with { Route = "POST /nodes/{node}/lxc/{vmid}/snapshot", VmId = vmid.Value, Times = 1 });

        var upid = await Client.Snapshots.CreateAsync(Node, vmid, "hung", cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxTaskTimeoutException>(() => Client.Tasks.WaitAsync(upid, cancellationToken, TimeSpan.FromMilliseconds(300)))!;

        Assert.That((error.Upid, error.IsTransient), Is.EqualTo((upid, true)));
    }

    [Test]
    public async Task Stopping_a_hung_task_ends_it_as_interrupted_and_frees_the_container(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await environment.CreateContainerAsync("ct-stoptask", cancellationToken);
        simulator.Faults.Add(FaultRule.HangTask() with { Route = "POST /nodes/{node}/lxc/{vmid}/snapshot", VmId = vmid.Value, Times = 1 });
        var upid = await Client.Snapshots.CreateAsync(Node, vmid, "stuck", cancellationToken);

        await Client.Tasks.StopAsync(upid, cancellationToken);
        var error = Assert.ThrowsAsync<ProxmoxTaskFailedException>(() => Client.Tasks.WaitAsync(upid, cancellationToken))!;
        var status = await Client.Status.GetCurrentAsync(Node, vmid, cancellationToken);

        Assert.That((error.ExitStatus, status.Lock), Is.EqualTo(("interrupted by signal", (string?)null)));
    }

    [Test]
    public async Task A_read_whose_connection_was_dropped_is_retried(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        simulator.Faults.Add(FaultRule.DropConnection() with { Route = "GET /version", Times = 1 });

        var version = await Client.Version.GetAsync(cancellationToken);

        Assert.That(version.Release, Is.EqualTo(simulator.Version.Release()));
    }

    [Test]
    public async Task A_create_whose_answer_was_lost_is_checked_and_never_duplicated(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        var vmid = await Client.Cluster.GetNextIdAsync(cancellationToken);
        environment.Track(vmid);
        simulator.Faults.Add(FaultRule.DropConnection() with { Route = "POST /nodes/{node}/lxc", VmId = vmid.Value, Times = 1 });

        var upid = await Client.Containers.CreateAsync(Node, environment.NewContainer(vmid, "ct-lost"), cancellationToken);
        await Client.Tasks.WaitAsync(upid, cancellationToken);

        var matching = (await Client.Cluster.GetContainersAsync(cancellationToken)).Count(r => r.VmId == vmid);
        Assert.That((matching, upid.Type), Is.EqualTo((1, "vzcreate")));
    }

    [Test]
    public async Task A_ticket_login_reads_and_writes_with_cookie_and_csrf_token(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs the root password");
        var vmid = await environment.CreateContainerAsync("ct-ticket", cancellationToken);
        using var client = environment.CreateClient(o =>
        {
            o.ApiToken = null;
            o.Username = "root@pam";
            o.Password = simulator.RootPassword;
        });

        await client.Config.UpdateAsync(Node, vmid, new ContainerConfigUpdate { Set = Values(("cores", "3")) }, cancellationToken);
        var config = await client.Config.GetAsync(Node, vmid, cancellationToken);

        Assert.That(config.Cores, Is.EqualTo(3));
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
