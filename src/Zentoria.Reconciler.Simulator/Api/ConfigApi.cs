using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Config read and write with digest, pending section, <c>delete</c> and <c>revert</c> (reference 4).</summary>
internal sealed class ConfigApi(SimulatorContext context)
{
    /// <summary>About what one key of the pending list takes, to size its buffer once.</summary>
    private const int PendingItemBytes = 64;

    private const string BothSnapshotAndCurrent = "cannot use 'snapshot' parameter with 'current'";

    private SimulatedCluster Cluster => context.Cluster;

    // GET /nodes/{node}/lxc/{vmid}/config
    public ApiResult Get(ApiRequest request)
    {
        var container = Audited(request);
        var current = request.Flag("current");
        if (request.Optional("snapshot") is { } snapname)
        {
            if (current)
            {
                throw new PveApiException(400, "Parameter verification failed.\n", new Dictionary<string, string>
                {
                    ["snapshot"] = BothSnapshotAndCurrent,
                    ["current"] = BothSnapshotAndCurrent,
                });
            }

            var snapshot = container.Snapshots.FirstOrDefault(s => s.Name == snapname)
                ?? throw PveApiException.Internal($"snapshot '{snapname}' does not exist");
            var snapshotJson = ConfigJson.From(snapshot.Config);
            snapshotJson["snaptime"] = snapshot.SnapTime;
            snapshotJson["digest"] = ConfigFile.Digest(container);
            return ApiResult.Ok(snapshotJson);
        }

        var json = ConfigJson.From(current ? container.Config : container.MergedConfig());
        json["digest"] = ConfigFile.Digest(container);
        return ApiResult.Ok(json);
    }

    // GET /nodes/{node}/lxc/{vmid}/pending
    public ApiResult Pending(ApiRequest request)
    {
        var container = Audited(request);

        // Written straight to UTF-8, like the cluster listing: the operator reads this for every container every pass.
        var buffer = new ArrayBufferWriter<byte>(PendingItemBytes * (container.Config.Count + container.Pending.Count + 1));
        using var list = new Utf8JsonWriter(buffer, ResponseWriter.WriterOptions);
        list.WriteStartArray();

        // Both dictionaries are sorted ordinally, so one walk over the two meets every key once, in order.
        using var running = container.Config.GetEnumerator();
        using var pending = container.Pending.GetEnumerator();
        var (hasRunning, hasPending) = (running.MoveNext(), pending.MoveNext());
        while (hasRunning || hasPending)
        {
            var order = !hasPending ? -1 : !hasRunning ? 1 : string.CompareOrdinal(running.Current.Key, pending.Current.Key);
            var key = order <= 0 ? running.Current.Key : pending.Current.Key;
            list.WriteStartObject();
            list.WriteString("key", key);
            if (order <= 0)
            {
                list.WriteString("value", key == "description" ? ConfigFile.DescriptionForWire(running.Current.Value) : running.Current.Value);
                hasRunning = running.MoveNext();
            }

            if (order >= 0)
            {
                list.WriteString("pending", key == "description" ? ConfigFile.DescriptionForWire(pending.Current.Value) : pending.Current.Value);
                hasPending = pending.MoveNext();
            }

            if (container.PendingDeletes.Contains(key))
            {
                list.WriteNumber("delete", 1);
            }

            list.WriteEndObject();
        }

        list.WriteEndArray();
        list.Flush();
        return ApiResult.OkWritten(buffer.WrittenMemory);
    }

    // PUT /nodes/{node}/lxc/{vmid}/config
    public ApiResult Update(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        var container = Cluster.GetContainer(node, vmid);
        var path = Privileges.VmPath(vmid);
        if (request.Parameters.Keys.All(k => k == "digest"))
        {
            throw PveApiException.Internal("no options specified");
        }

        if (container.Lock is { } lockName)
        {
            throw PveApiException.Locked(lockName);
        }

        DigestCheck.Verify(request, container);
        request.Identity.RequireAny(path, Privileges.VmConfigDisk, Privileges.VmConfigCpu, Privileges.VmConfigMemory, Privileges.VmConfigNetwork, Privileges.VmConfigOptions);

        var deletes = ConfigValues.SplitList(request.Optional("delete"));
        var reverts = ConfigValues.SplitList(request.Optional("revert"));
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Parameters)
        {
            if (key is "delete" or "revert" or "digest")
            {
                continue;
            }

            values[key] = ConfigValues.Normalize(key, value, Cluster.NewMacAddress);
        }

        foreach (var key in deletes.Concat(reverts))
        {
            if (!ConfigSchema.IsKnown(key))
            {
                throw PveApiException.Parameter(deletes.Contains(key) ? "delete" : "revert", $"unknown option '{key}'");
            }

            if (values.ContainsKey(key))
            {
                throw PveApiException.Parameter(deletes.Contains(key) ? "delete" : "revert", $"you can't use '-{key}' and -{(deletes.Contains(key) ? "delete" : "revert")} {key}' at the same time");
            }
        }

        foreach (var key in values.Keys.Concat(deletes).Concat(reverts))
        {
            request.Identity.Require(path, ConfigSchema.PrivilegeOf(key));
        }

        CheckSemantics(container, values, deletes);
        Apply(container, values, deletes, reverts);
        return ApiResult.Ok(null);
    }

    private static void CheckSemantics(SimulatedContainer container, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> deletes)
    {
        if (deletes.FirstOrDefault(ConfigSchema.Required.Contains) is { } required)
        {
            throw PveApiException.Internal($"unable to delete required option '{required}'");
        }

        if (values.ContainsKey("unprivileged") || deletes.Contains("unprivileged"))
        {
            throw PveApiException.Internal("unable to modify read-only option: 'unprivileged'");
        }

        var protectedCt = container.Config.GetValueOrDefault("protection") == "1";
        if (protectedCt && values.Keys.Concat(deletes).FirstOrDefault(ConfigSchema.IsMountPoint) is { } drive)
        {
            throw PveApiException.Internal($"can't update CT {container.VmId} drive '{drive}' - protection mode enabled");
        }
    }

    private static void Apply(SimulatedContainer container, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> deletes, IReadOnlyList<string> reverts)
    {
        foreach (var key in reverts)
        {
            container.Pending.Remove(key);
            container.PendingDeletes.Remove(key);
        }

        foreach (var (key, value) in values)
        {
            container.PendingDeletes.Remove(key);
            if (container.Running && ConfigSchema.ModeOf(key, container.Config.ContainsKey(key)) == ConfigApplyMode.Pending
                && container.Config.GetValueOrDefault(key) != value)
            {
                container.Pending[key] = value;
            }
            else
            {
                container.Pending.Remove(key);
                container.Config[key] = value;
            }
        }

        foreach (var key in deletes)
        {
            container.Pending.Remove(key);
            if (container.Running && container.Config.ContainsKey(key) && ConfigSchema.ModeOf(key, alreadySet: true) == ConfigApplyMode.Pending)
            {
                container.PendingDeletes.Add(key);
            }
            else
            {
                container.Config.Remove(key);
            }
        }
    }

    private SimulatedContainer Audited(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmAudit);
        return Cluster.GetContainer(node, vmid);
    }
}
