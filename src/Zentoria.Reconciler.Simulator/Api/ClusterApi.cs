using System.Globalization;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class ClusterApi(SimulatorContext context)
{
    // GET /cluster/resources
    public ApiResult Resources(ApiRequest request)
    {
        var type = request.Optional("type");
        if (type is not (null or "vm" or "storage" or "node" or "sdn"))
        {
            throw PveApiException.Parameter("type", $"value '{type}' does not have a value in the enumeration 'vm, storage, node, sdn'");
        }

        var now = context.Cluster.Time.GetUtcNow();
        var identity = request.Identity;
        var list = new JsonArray();
        if (type is null or "vm")
        {
            foreach (var container in context.Cluster.ContainerMap.Values.Where(c => identity.Can(Privileges.VmPath(c.VmId), Privileges.VmAudit)))
            {
                list.Add((JsonNode)ContainerJson.Resource(container, now));
            }
        }

        foreach (var node in context.Cluster.Nodes)
        {
            if (type is null or "node" && identity.Can("/nodes/" + node.Name, Privileges.SysAudit))
            {
                list.Add((JsonNode)new JsonObject
                {
                    ["id"] = "node/" + node.Name,
                    ["type"] = "node",
                    ["node"] = node.Name,
                    ["status"] = node.Online ? "online" : "offline",
                    ["level"] = "",
                    ["maxcpu"] = node.MaxCpu,
                    ["maxmem"] = node.MaxMemory,
                    ["cpu"] = 0.0062,
                    ["mem"] = node.MaxMemory / 6,
                    ["uptime"] = 20391,
                });
            }

            if (type is null or "storage")
            {
                foreach (var storage in node.Storages.Values.Where(s => identity.Can(Privileges.StoragePath(s.Name), "Datastore.Audit")))
                {
                    list.Add((JsonNode)new JsonObject
                    {
                        ["id"] = $"storage/{node.Name}/{storage.Name}",
                        ["type"] = "storage",
                        ["storage"] = storage.Name,
                        ["node"] = node.Name,
                        ["status"] = "available",
                        ["plugintype"] = storage.Type,
                        ["content"] = storage.Type == "dir" ? "vztmpl,iso,backup" : "rootdir,images",
                        ["shared"] = 0,
                        ["disk"] = 11240390656,
                        ["maxdisk"] = 100L << 30,
                    });
                }
            }
        }

        return ApiResult.Ok(list);
    }

    // GET /cluster/nextid
    public ApiResult NextId(ApiRequest request)
    {
        // The answer is a JSON string although the schema says integer (reference 8.1).
        if (request.OptionalInteger("vmid", 100, 999_999_999) is { } wanted)
        {
            return context.Cluster.TryGetContainer(wanted) is null
                ? ApiResult.Ok(JsonValue.Create(wanted.ToString(CultureInfo.InvariantCulture)))
                : throw PveApiException.Parameter("vmid", $"VM {wanted} already exists");
        }

        return ApiResult.Ok(JsonValue.Create(context.Cluster.NextFreeVmId().ToString(CultureInfo.InvariantCulture)));
    }
}
