using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
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
}
