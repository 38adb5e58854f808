using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>Every Proxmox path this client uses, built in one place. Paths are relative to <c>/api2/json</c>.</summary>
internal static class ProxmoxRoutes
{
    public static ApiRoute Version() => new("/version", "/version", null);

    public static ApiRoute AccessTicket() => new("/access/ticket", "/access/ticket", null);

    public static ApiRoute ClusterResources() => new("/cluster/resources", "/cluster/resources", null, Compressed: true);

    public static ApiRoute ClusterNextId() => new("/cluster/nextid", "/cluster/nextid", null);

    public static ApiRoute Nodes() => new("/nodes", "/nodes", null);

    public static ApiRoute NodeTasks(NodeName node) => OnNode(node, "/tasks", "/tasks") with { Compressed = true };

    public static ApiRoute Containers(NodeName node) => OnNode(node, "/lxc", "/lxc") with { Compressed = true };

    public static ApiRoute Container(NodeName node, VmId vmid) => OnContainer(node, vmid, "", "");

    public static ApiRoute ContainerStatusCurrent(NodeName node, VmId vmid) => OnContainer(node, vmid, "/status/current", "/status/current");

    /// <summary><paramref name="action"/> is one of start, stop, shutdown, reboot: constants, never user input.</summary>
    public static ApiRoute ContainerStatusAction(NodeName node, VmId vmid, string action) =>
        OnContainer(node, vmid, "/status/" + action, "/status/" + action);

    public static ApiRoute ContainerInterfaces(NodeName node, VmId vmid) => OnContainer(node, vmid, "/interfaces", "/interfaces");

    public static ApiRoute ContainerConfig(NodeName node, VmId vmid) => OnContainer(node, vmid, "/config", "/config");

    public static ApiRoute ContainerPending(NodeName node, VmId vmid) => OnContainer(node, vmid, "/pending", "/pending");

    public static ApiRoute ContainerResize(NodeName node, VmId vmid) => OnContainer(node, vmid, "/resize", "/resize");

    public static ApiRoute ContainerClone(NodeName node, VmId vmid) => OnContainer(node, vmid, "/clone", "/clone");

    public static ApiRoute Snapshots(NodeName node, VmId vmid) => OnContainer(node, vmid, "/snapshot", "/snapshot");

    public static ApiRoute Snapshot(NodeName node, VmId vmid, string name) =>
        OnContainer(node, vmid, "/snapshot/{snapname}", "/snapshot/" + Segment(name));

    public static ApiRoute SnapshotRollback(NodeName node, VmId vmid, string name) =>
        OnContainer(node, vmid, "/snapshot/{snapname}/rollback", "/snapshot/" + Segment(name) + "/rollback");

    // A UPID is legal in a path as-is (':', '@', '!' are path characters) and Upid.TryParse rejects '/', '?', '#' and spaces.
    public static ApiRoute Task(Upid upid) => OnNode(upid.Node, "/tasks/{upid}", $"/tasks/{upid}");

    public static ApiRoute TaskStatus(Upid upid) => OnNode(upid.Node, "/tasks/{upid}/status", $"/tasks/{upid}/status");

    public static ApiRoute TaskLog(Upid upid) => OnNode(upid.Node, "/tasks/{upid}/log", $"/tasks/{upid}/log") with { Compressed = true };

    private static ApiRoute OnNode(NodeName node, string templateTail, string pathTail) =>
        new("/nodes/{node}" + templateTail, "/nodes/" + Segment(node.Value) + pathTail, node);

    private static ApiRoute OnContainer(NodeName node, VmId vmid, string templateTail, string pathTail) =>
        new("/nodes/{node}/lxc/{vmid}" + templateTail, $"/nodes/{Segment(node.Value)}/lxc/{vmid}{pathTail}", node);

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
