using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
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
}
