using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class ClusterApi(SimulatorContext context)
{
    /// <summary>About what one container's entry takes, to size the buffer of a listing once.</summary>
    private const int ResourceBytes = 320;

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

        // Written straight to UTF-8 here, under the cluster lock: a tree of nodes for thousands of containers, kept
        // alive until the answer is sent, cost the simulator more than the whole answer.
        var buffer = new ArrayBufferWriter<byte>(ResourceBytes * (context.Cluster.ContainerMap.Count + 16));
        using var list = new Utf8JsonWriter(buffer, ResponseWriter.WriterOptions);
        list.WriteStartArray();
        if (type is null or "vm")
        {
            foreach (var container in context.Cluster.ContainerMap.Values.Where(c => identity.Can(Privileges.VmPath(c.VmId), Privileges.VmAudit)))
            {
                ContainerJson.WriteResource(list, container, now);
            }
        }

        foreach (var node in context.Cluster.Nodes)
        {
            if (type is null or "node" && identity.Can("/nodes/" + node.Name, Privileges.SysAudit))
            {
                new JsonObject
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
                }.WriteTo(list);
            }

            if (type is null or "storage")
            {
                foreach (var storage in node.Storages.Values.Where(s => identity.Can(Privileges.StoragePath(s.Name), "Datastore.Audit")))
                {
                    new JsonObject
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
                    }.WriteTo(list);
                }
            }
        }

        list.WriteEndArray();
        list.Flush();
        return ApiResult.OkWritten(buffer.WrittenMemory);
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
