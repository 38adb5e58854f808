using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A container's status and power. Every power call returns a task: only "already running" / "not running"
/// are refused at once; a lock or a failed start shows up as a failed task.
/// </summary>
internal sealed class ContainerStatusClient(ProxmoxConnection connection)
{
    /// <summary>GET /nodes/{node}/lxc/{vmid}/status/current</summary>
    public Task<ContainerStatus> GetCurrentAsync(NodeName node, VmId vmid, CancellationToken cancellationToken) =>
        connection.GetAsync<ContainerStatus>(ProxmoxRoutes.ContainerStatusCurrent(node, vmid), cancellationToken);

    /// <summary>GET /nodes/{node}/lxc/{vmid}/interfaces — running containers only (else not running); the usual way to learn a container's address.</summary>
    public async Task<IReadOnlyList<ContainerInterface>> GetInterfacesAsync(NodeName node, VmId vmid, CancellationToken cancellationToken) =>
        await connection.GetAsync<List<ContainerInterface>>(ProxmoxRoutes.ContainerInterfaces(node, vmid), cancellationToken);

    /// <summary>POST /nodes/{node}/lxc/{vmid}/status/start</summary>
    public Task<Upid> StartAsync(NodeName node, VmId vmid, CancellationToken cancellationToken) =>
        PostAsync(node, vmid, "start", null, cancellationToken);

    /// <summary>POST /nodes/{node}/lxc/{vmid}/status/stop — a hard stop.</summary>
    public Task<Upid> StopAsync(NodeName node, VmId vmid, CancellationToken cancellationToken, bool overruleShutdown = false) =>
        PostAsync(node, vmid, "stop", overruleShutdown ? new FormParameters().Add("overrule-shutdown", true) : null, cancellationToken);

    /// <summary>POST /nodes/{node}/lxc/{vmid}/status/shutdown — asks the guest; with <paramref name="forceStop"/> it is stopped after <paramref name="timeout"/>.</summary>
    public Task<Upid> ShutdownAsync(NodeName node, VmId vmid, CancellationToken cancellationToken, TimeSpan? timeout = null, bool forceStop = false) =>
        PostAsync(node, vmid, "shutdown", new FormParameters().Add("timeout", Seconds(timeout)).Add("forceStop", forceStop ? true : null), cancellationToken);

    /// <summary>POST /nodes/{node}/lxc/{vmid}/status/reboot — also applies pending config changes.</summary>
    public Task<Upid> RebootAsync(NodeName node, VmId vmid, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        PostAsync(node, vmid, "reboot", new FormParameters().Add("timeout", Seconds(timeout)), cancellationToken);

    private Task<Upid> PostAsync(NodeName node, VmId vmid, string action, FormParameters? parameters, CancellationToken cancellationToken) =>
        connection.SendAsync<Upid>(new ApiRequest(HttpMethod.Post, ProxmoxRoutes.ContainerStatusAction(node, vmid, action), OperationClass.Write, parameters), cancellationToken);

    private static long? Seconds(TimeSpan? value) => value is { } span ? (long)Math.Ceiling(span.TotalSeconds) : null;
}
