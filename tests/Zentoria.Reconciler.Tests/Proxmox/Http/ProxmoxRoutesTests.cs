using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Tests.Proxmox.Support;

namespace Zentoria.Reconciler.Tests.Proxmox.Http;

internal sealed class ProxmoxRoutesTests
{
    [Test]
    public void Container_routes_carry_a_bounded_template_and_the_concrete_path()
    {
        var route = ProxmoxRoutes.ContainerConfig(TestClients.Pve, TestClients.Ct101);

        Assert.That((route.Template, route.Path, route.Node), Is.EqualTo(("/nodes/{node}/lxc/{vmid}/config", "/nodes/pve/lxc/101/config", (Zentoria.Reconciler.DesiredState.NodeName?)TestClients.Pve)));
    }

    [Test]
    public void Snapshot_names_are_escaped_into_the_path_but_not_the_template()
    {
        var route = ProxmoxRoutes.SnapshotRollback(TestClients.Pve, TestClients.Ct101, "a b");

        Assert.That((route.Template, route.Path), Is.EqualTo(("/nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback", "/nodes/pve/lxc/101/snapshot/a%20b/rollback")));
    }

    [Test]
    public void Task_routes_go_to_the_node_named_in_the_upid()
    {
        var route = ProxmoxRoutes.TaskStatus(Upid.Parse("UPID:pve2:000D7AA2:08D5A17C:63DF62A5:vzstart:101:root@pam:"));

        Assert.That((route.Path, route.Node), Is.EqualTo(("/nodes/pve2/tasks/UPID:pve2:000D7AA2:08D5A17C:63DF62A5:vzstart:101:root@pam:/status", (Zentoria.Reconciler.DesiredState.NodeName?)new Zentoria.Reconciler.DesiredState.NodeName("pve2"))));
    }

    [Test]
    public void Cluster_routes_target_no_node()
    {
        Assert.That(ProxmoxRoutes.ClusterResources().Node, Is.Null);
    }
}
