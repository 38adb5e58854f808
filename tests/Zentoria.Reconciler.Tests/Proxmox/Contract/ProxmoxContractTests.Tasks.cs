using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator.Faults;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
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
}
