using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator.Faults;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
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
}
