using System.Text.Json;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;
using Zentoria.Reconciler.Simulator;
using Zentoria.Reconciler.Simulator.Faults;

namespace Zentoria.Reconciler.Tests.Proxmox.Contract;

internal sealed partial class ProxmoxContractTests
{
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
    public void Reading_a_container_that_does_not_exist_is_not_found(CancellationToken cancellationToken)
    {
        var error = Assert.ThrowsAsync<ProxmoxNotFoundException>(() => Client.Status.GetCurrentAsync(Node, new VmId(999_999_001), cancellationToken))!;

        Assert.That(error.ServerMessage, Is.EqualTo($"Configuration file 'nodes/{Node}/lxc/999999001.conf' does not exist"));
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
    public async Task A_read_whose_connection_was_dropped_is_retried(CancellationToken cancellationToken)
    {
        var simulator = environment.RequireSimulator("needs fault injection");
        simulator.Faults.Add(FaultRule.DropConnection() with { Route = "GET /version", Times = 1 });

        var version = await Client.Version.GetAsync(cancellationToken);

        Assert.That(version.Release, Is.EqualTo(simulator.Version.Release()));
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
}
