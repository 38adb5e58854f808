using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>
/// start/stop/shutdown/reboot. Only "already running"/"not running" are checked before the task is forked;
/// the lock check happens inside the task, so a locked CT gives 200 and a failed task (reference 5).
/// </summary>
internal sealed class PowerApi(SimulatorContext context)
{
    private SimulatedCluster Cluster => context.Cluster;

    // POST /nodes/{node}/lxc/{vmid}/status/start
    public ApiResult Start(ApiRequest request)
    {
        var (node, vmid) = Authorize(request);

        // Starting an unknown vmid is accepted; the task then fails on the missing config.
        var container = Cluster.TryGetContainer(vmid) is { } found && found.Node == node ? found : null;
        if (container is { Running: true })
        {
            throw PveApiException.Internal($"CT {vmid} already running");
        }

        var failure = container is null ? $"Configuration file 'nodes/{node}/lxc/{vmid}.conf' does not exist"
            : container.Lock is { } lockName and not "mounted" ? $"CT is locked ({lockName})"
            : container.IsTemplate ? "you can't start a CT if it's a template"
            : null;
        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzstart",
            Id = vmid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FailureAtStart = failure,
            Complete = () => WithContainer(node, vmid, c => c.Start(Cluster.Time.GetUtcNow(), Cluster.NewPid())),
        });
    }

    // POST /nodes/{node}/lxc/{vmid}/status/stop
    public ApiResult Stop(ApiRequest request) => StopLike(request, "vzstop", $"CT {request.VmId} not running");

    // POST /nodes/{node}/lxc/{vmid}/status/shutdown
    public ApiResult Shutdown(ApiRequest request)
    {
        request.OptionalInteger("timeout", 0, int.MaxValue);
        request.Flag("forceStop");
        return StopLike(request, "vzshutdown", $"CT {request.VmId} not running");
    }

    // POST /nodes/{node}/lxc/{vmid}/status/reboot
    public ApiResult Reboot(ApiRequest request)
    {
        var (node, vmid) = Authorize(request);
        request.OptionalInteger("timeout", 0, int.MaxValue);
        var container = Cluster.GetContainer(node, vmid);
        if (!container.Running)
        {
            // Sic: the reboot handler says "VM".
            throw PveApiException.Internal($"VM {vmid} not running");
        }

        // Reboot does not check the config lock; it stops and starts, applying pending changes.
        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzreboot",
            Id = vmid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Complete = () => WithContainer(node, vmid, c =>
            {
                c.Stop();
                c.Start(Cluster.Time.GetUtcNow(), Cluster.NewPid());
            }),
        });
    }

    private ApiResult StopLike(ApiRequest request, string type, string notRunning)
    {
        var (node, vmid) = Authorize(request);
        var container = Cluster.GetContainer(node, vmid);
        if (!container.Running)
        {
            throw PveApiException.Internal(notRunning);
        }

        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = type,
            Id = vmid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            FailureAtStart = container.Lock is { } lockName and not "mounted" ? $"CT is locked ({lockName})" : null,
            Complete = () => WithContainer(node, vmid, c => c.Stop()),
        });
    }

    private (string Node, int VmId) Authorize(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmPowerMgmt);
        return (node, vmid);
    }

    private string? WithContainer(string node, int vmid, Action<SimulatedContainer> action)
    {
        if (Cluster.TryGetContainer(vmid) is not { } container || container.Node != node)
        {
            return $"Configuration file 'nodes/{node}/lxc/{vmid}.conf' does not exist";
        }

        action(container);
        return null;
    }
}
