using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Tests.Simulator;

internal sealed class ResizeTests
{
    private SimulatorHarness _sim = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _sim = await SimulatorHarness.StartAsync();
        _sim.Simulator.Cluster.AddContainer(new ContainerSeed { VmId = 101, RootfsGiB = 8 });
    }

    [TearDown]
    public async Task StopAsync() => await _sim.DisposeAsync();

    [TestCase("+2G", "10G")]
    [TestCase("16G", "16G")]
    [TestCase("+512M", "8704M")]
    public async Task Growing_a_disk_runs_a_resize_task_that_records_the_new_size(string size, string expected)
    {
        using var response = await _sim.PutAsync("nodes/pve/lxc/101/resize", ("disk", "rootfs"), ("size", size));
        var upid = (await SimulatorHarness.DataAsync(response))!.GetValue<string>();
        await _sim.FinishTaskAsync(upid);

        Assert.That(upid, Does.Contain(":resize:101:"));
        Assert.That(_sim.Simulator.Cluster.FindContainer(101)!.Config["rootfs"], Is.EqualTo($"local-lvm:vm-101-disk-0,size={expected}"));
    }

    [Test]
    public async Task Shrinking_a_disk_is_refused()
    {
        using var response = await _sim.PutAsync("nodes/pve/lxc/101/resize", ("disk", "rootfs"), ("size", "4G"));

        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(response.ReasonPhrase, Is.EqualTo("unable to shrink disk size"));
    }

    [Test]
    public async Task The_same_size_answers_null_without_a_task()
    {
        using var response = await _sim.PutAsync("nodes/pve/lxc/101/resize", ("disk", "rootfs"), ("size", "8G"));

        Assert.That(await SimulatorHarness.DataAsync(response), Is.Null);
    }
}
