using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Containers;
using Zentoria.Reconciler.Sandbox;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Operator;

[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class ContainerActionTests
{
    private static readonly string[] Seven = ["ai", "backend", "frontend", "nginx", "postgres", "qdrant", "redis"];

    [Test]
    public async Task The_drifted_sandbox_converges_in_one_pass_creating_the_missing_container_once()
    {
        await using var op = await OperatorOnSimulator.StartAsync();

        var pass = await op.PassAsync();
        var again = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pass.Outcome, Is.EqualTo(PassOutcome.Success));
            Assert.That(pass.ActionsTaken, Is.EqualTo(4), "start 443, update 441, create 444, start 444");
            Assert.That(again.ActionsTaken, Is.Zero);
            Assert.That(op.Calls(Routes.Create), Is.EqualTo(1));
            Assert.That(op.Live(443).Running, Is.True);
            Assert.That(op.Live(441).Config["memory"], Is.EqualTo("4096"));
            Assert.That(op.Live(444).Running, Is.True);
            Assert.That(op.Live(444).Config["tags"], Does.Contain("zentoria-managed"));
            foreach (var name in Seven)
            {
                Assert.That((op.Container(name).Sync, op.Container(name).Health), Is.EqualTo((SyncStatus.Synced, HealthStatus.Healthy)), name);
            }
        });
    }

    [Test]
    public async Task A_pass_without_drift_reads_the_cluster_list_once_and_each_managed_container_once()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        await op.PassAsync();
        op.Simulator.Requests.Reset();

        var pass = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pass.ActionsTaken, Is.Zero);
            Assert.That(op.Simulator.Requests.Total, Is.EqualTo(1 + 7));
            Assert.That(op.Calls(Routes.Resources), Is.EqualTo(1));
            Assert.That(op.Calls(Routes.Pending), Is.EqualTo(7));
        });
    }

    [Test]
    public async Task A_container_desired_stopped_is_shut_down()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Overlay("127.0.2.250/8", "  state: stopped"));

        await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(op.Live(410).Running, Is.False);
            Assert.That(op.Calls(Routes.Shutdown), Is.EqualTo(1));
            Assert.That(op.Container("redis").Sync, Is.EqualTo(SyncStatus.Synced));
        });
    }

    [Test]
    public async Task A_config_write_that_loses_a_digest_race_is_re_read_and_written_once_more()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        op.Simulator.Faults.Add(FaultRule.Error(500, "detected modified configuration - file changed by other user? Try again.") with { Route = Routes.PutConfig, Times = 1 });

        var pass = await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pass.Outcome, Is.EqualTo(PassOutcome.Success));
            Assert.That(op.Calls(Routes.PutConfig), Is.EqualTo(2));
            Assert.That(op.Live(441).Config["memory"], Is.EqualTo("4096"));
            Assert.That(op.Container("backend").Sync, Is.EqualTo(SyncStatus.Synced));
        });
    }

    [Test]
    public async Task A_config_change_keeps_the_containers_mac_address()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Edit("environments/sandbox/stack.yaml", "127.0.2.242/8", "127.0.2.142/8"));
        var before = Net0.ToLive(op.Live(442).Config["net0"])!.Mac;

        await op.PassAsync();

        var after = Net0.ToLive(op.Live(442).Config["net0"])!;
        Assert.Multiple(() =>
        {
            Assert.That(after.Ip, Is.EqualTo("127.0.2.142/8"));
            Assert.That(after.Mac, Is.EqualTo(before).And.Not.Null);
        });
    }

    [Test]
    public async Task A_larger_desired_disk_grows_the_root_disk()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Overlay("127.0.2.241/8", "  resources: { diskGiB: 20 }"));

        await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(op.Calls(Routes.Resize), Is.EqualTo(1));
            Assert.That(RootFs.WholeGiB(op.Live(441).Config["rootfs"]), Is.EqualTo(20));
            Assert.That(op.Container("backend").Sync, Is.EqualTo(SyncStatus.Synced));
        });
    }

    [Test]
    public async Task A_smaller_desired_disk_is_refused_and_stalls_the_unit_without_a_request()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Overlay("127.0.2.241/8", "  resources: { diskGiB: 8 }"));

        await op.PassAsync();
        await op.PassAsync();

        var backend = op.Container("backend");
        Assert.Multiple(() =>
        {
            Assert.That(op.Calls(Routes.Resize), Is.Zero);
            Assert.That(backend.Phase, Is.EqualTo("Stalled"));
            Assert.That(backend.Message, Does.Contain("never shrinks"));
            Assert.That(backend.Sync, Is.EqualTo(SyncStatus.OutOfSync));
            Assert.That(RootFs.WholeGiB(op.Live(441).Config["rootfs"]), Is.EqualTo(16));
        });
    }

    [Test]
    public async Task A_pending_change_restarts_the_container_when_its_policy_allows()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        await op.PassAsync();
        await MakePendingAsync(op, 442);

        await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(op.Calls(Routes.Reboot), Is.EqualTo(1));
            Assert.That(op.Live(442).Pending, Is.Empty);
            Assert.That(op.Container("nginx").Sync, Is.EqualTo(SyncStatus.Synced));
        });
    }

    [Test]
    public async Task A_pending_change_under_restart_policy_never_shows_pending_restart_and_is_left_alone()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Overlay("127.0.2.242/8", "  restartPolicy: Never"));
        await op.PassAsync();
        await MakePendingAsync(op, 442);

        await op.PassAsync();

        var nginx = op.Container("nginx");
        Assert.Multiple(() =>
        {
            Assert.That(op.Calls(Routes.Reboot), Is.Zero);
            Assert.That(op.Live(442).Pending, Is.Not.Empty);
            Assert.That(nginx.Phase, Is.EqualTo(ContainerVerdict.PendingRestart));
            Assert.That(nginx.Sync, Is.EqualTo(SyncStatus.OutOfSync));
            Assert.That(nginx.Health, Is.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public async Task Prune_destroys_only_containers_that_carry_the_managed_tag_and_only_once_stopped()
    {
        await using var op = await OperatorOnSimulator.StartAsync(
            seed: (cluster, desired) =>
            {
                SandboxSeed.Apply(cluster, desired);
                cluster.AddContainer(new ContainerSeed { VmId = 460, Hostname = "old-managed", Running = true, Tags = ["zentoria-managed"] });
                cluster.AddContainer(new ContainerSeed { VmId = 461, Hostname = "someone-elses", Running = true, Tags = ["other"] });
            },
            edit: o => o.Edit("environments/sandbox/environment.yaml", "prune: false", "prune: true"));

        await op.PassAsync();

        Assert.Multiple(() =>
        {
            Assert.That(op.Simulator.Cluster.FindContainer(460), Is.Null);
            Assert.That(op.Simulator.Cluster.FindContainer(461), Is.Not.Null);
            Assert.That(op.Calls(Routes.Shutdown), Is.EqualTo(1));
            Assert.That(op.Calls(Routes.Destroy), Is.EqualTo(1));
        });
    }

    // ostype is a key Proxmox applies only at the next start of a running container.
    private static async Task MakePendingAsync(OperatorOnSimulator op, int vmid)
    {
        using var client = op.Client();
        await client.Config.UpdateAsync(new("pve"), new(vmid), new ContainerConfigUpdate { Set = new Dictionary<string, string> { ["ostype"] = "ubuntu" } }, CancellationToken.None);
        Assert.That(op.Live(vmid).Pending, Is.Not.Empty, "the test needs a pending change");
    }
}
