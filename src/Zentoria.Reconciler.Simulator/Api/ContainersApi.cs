using System.Globalization;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class ContainersApi(SimulatorContext context)
{
    // GET /nodes/{node}/lxc
    public ApiResult List(ApiRequest request)
    {
        var node = context.Cluster.ResolveNode(request.Node).Name;
        var now = context.Cluster.Time.GetUtcNow();
        var list = new JsonArray();
        foreach (var container in context.Cluster.ContainerMap.Values)
        {
            // Silently filtered to what the caller may audit: a fresh privsep token sees an empty list, not a 403.
            if (container.Node != node || !request.Identity.Can(Privileges.VmPath(container.VmId), Privileges.VmAudit))
            {
                continue;
            }

            var json = ContainerJson.Status(container, now);
            if (context.Version == PveVersion.V8_1)
            {
                // Until pve-container 5.0.10 (PVE 8.2) this list sent vmid as a string.
                json["vmid"] = container.VmId.ToString(CultureInfo.InvariantCulture);
            }

            list.Add((JsonNode)json);
        }

        return ApiResult.Ok(list);
    }

    // GET /nodes/{node}/lxc/{vmid}
    public ApiResult Index(ApiRequest request)
    {
        var node = context.Cluster.ResolveNode(request.Node).Name;
        context.Cluster.GetContainer(node, request.VmId);
        var list = new JsonArray();
        foreach (var sub in new[] { "config", "pending", "status", "snapshot", "resize", "clone", "firewall", "rrd", "rrddata", "vncproxy", "termproxy", "migrate", "feature" })
        {
            list.Add((JsonNode)new JsonObject { ["subdir"] = sub });
        }

        return ApiResult.Ok(list);
    }

    // GET /nodes/{node}/lxc/{vmid}/status/current
    public ApiResult Current(ApiRequest request)
    {
        var node = context.Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmAudit);
        var container = context.Cluster.GetContainer(node, vmid);
        var json = ContainerJson.Status(container, context.Cluster.Time.GetUtcNow());
        json["ha"] = new JsonObject { ["managed"] = 0 };
        if (container.Running && context.Version == PveVersion.V9_1)
        {
            foreach (var pressure in new[] { "pressurecpusome", "pressurecpufull", "pressureiosome", "pressureiofull", "pressurememorysome", "pressurememoryfull" })
            {
                json[pressure] = "0.00";
            }
        }

        return ApiResult.Ok(json);
    }
}
