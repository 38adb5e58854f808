using System.Globalization;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary><c>DELETE /nodes/{node}/lxc/{vmid}</c>: checks synchronously, then a <c>vzdestroy</c> task under lock <c>destroyed</c>.</summary>
internal sealed class DestroyApi(SimulatorContext context)
{
    private SimulatedCluster Cluster => context.Cluster;

    // DELETE /nodes/{node}/lxc/{vmid}
    public ApiResult Destroy(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        var container = Cluster.GetContainer(node, vmid);
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmAllocate);
        var force = request.Flag("force");
        request.Flag("purge");
        request.Flag("destroy-unreferenced-disks");
        if (container.Config.GetValueOrDefault("protection") == "1")
        {
            throw PveApiException.Internal($"can't remove CT {vmid} - protection mode enabled");
        }

        if (container.Lock is { } lockName)
        {
            throw PveApiException.Locked(lockName);
        }

        if (container.Running && !force)
        {
            throw PveApiException.Internal($"unable to destroy CT {vmid} - container is running");
        }

        container.Lock = "destroyed";
        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzdestroy",
            Id = vmid.ToString(CultureInfo.InvariantCulture),
            LogLines = [$"  Logical volume \"vm-{vmid}-disk-0\" successfully removed."],
            Complete = () =>
            {
                container.Stop();
                Cluster.Remove(vmid);
                return null;
            },
            Abort = () => container.Lock = null,
        });
    }
}
