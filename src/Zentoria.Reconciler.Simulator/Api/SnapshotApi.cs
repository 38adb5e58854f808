using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Snapshots (reference 7). Most refusals happen inside the task, so the call answers 200 and the task fails.</summary>
internal sealed partial class SnapshotApi(SimulatorContext context)
{
    private SimulatedCluster Cluster => context.Cluster;

    // GET /nodes/{node}/lxc/{vmid}/snapshot
    public ApiResult List(ApiRequest request)
    {
        var container = Find(request, Privileges.VmAudit);
        var list = new JsonArray();
        foreach (var snapshot in container.Snapshots)
        {
            var item = new JsonObject
            {
                ["name"] = snapshot.Name,
                ["description"] = snapshot.Description,
                ["snaptime"] = snapshot.SnapTime,
            };
            if (snapshot.Parent is not null)
            {
                item["parent"] = snapshot.Parent;
            }

            if (snapshot.SnapState is not null)
            {
                item["snapstate"] = snapshot.SnapState;
            }

            list.Add((JsonNode)item);
        }

        var current = new JsonObject
        {
            ["name"] = "current",
            ["description"] = "You are here!",
            ["digest"] = ConfigFile.Digest(container),
            ["running"] = container.Running ? 1 : 0,
        };
        if (container.Config.TryGetValue("parent", out var parent))
        {
            current["parent"] = parent;
        }

        list.Add((JsonNode)current);
        return ApiResult.Ok(list);
    }

    // POST /nodes/{node}/lxc/{vmid}/snapshot
    public ApiResult Create(ApiRequest request)
    {
        var name = ValidName(request.Required("snapname"));
        var description = request.Optional("description") ?? "";
        if (name is "current" or "vzdump")
        {
            throw PveApiException.Internal($"unable to use snapshot name '{name}' (reserved name)");
        }

        var container = Find(request, Privileges.VmSnapshot);
        var node = container.Node;
        var failure = container.Lock is { } lockName ? $"CT is locked ({lockName})"
            : container.IsTemplate ? "you can't take a snapshot if it's a template"
            : container.Snapshots.Any(s => s.Name == name) ? $"snapshot name '{name}' already used"
            : !container.HasSnapshotCapableVolumes(StorageSupportsSnapshots(node)) ? "snapshot feature is not available"
            : null;
        ContainerSnapshot? snapshot = null;
        if (failure is null)
        {
            var config = new SortedDictionary<string, string>(container.Config, StringComparer.Ordinal);
            config.Remove("parent");
            snapshot = new ContainerSnapshot(name, description, Cluster.Time.GetUtcNow().ToUnixTimeSeconds(), container.Config.GetValueOrDefault("parent"), config)
            {
                SnapState = "prepare",
            };
            container.Snapshots.Add(snapshot);
            container.Lock = "snapshot";
        }

        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzsnapshot",
            Id = container.VmId.ToString(CultureInfo.InvariantCulture),
            FailureAtStart = failure,
            LogLines = [$"  Logical volume \"snap_vm-{container.VmId}-disk-0_{name}\" created."],
            Complete = () =>
            {
                snapshot!.SnapState = null;
                container.Config["parent"] = name;
                container.Lock = null;
                return null;
            },
            Abort = () =>
            {
                if (snapshot is not null)
                {
                    container.Snapshots.Remove(snapshot);
                    container.Lock = null;
                }
            },
        });
    }

    // POST /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/rollback
    public ApiResult Rollback(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.RequireAny(Privileges.VmPath(vmid), Privileges.VmSnapshot, Privileges.VmSnapshotRollback);
        var container = Cluster.GetContainer(node, vmid);
        var name = request.RouteValues["snapname"];
        var start = request.Flag("start");
        var snapshot = container.Snapshots.FirstOrDefault(s => s.Name == name);
        var failure = snapshot is null ? $"snapshot '{name}' does not exist"
            : container.Lock is { } lockName ? $"CT is locked ({lockName})"
            : container.IsTemplate ? "you can't rollback if vm is a template"
            : snapshot.SnapState is { } state ? $"unable to rollback to incomplete snapshot (snapstate = {state})"
            : null;
        if (failure is null)
        {
            // A running CT is hard-stopped first; it stays stopped unless start=1.
            container.Stop();
            container.Lock = "rollback";
        }

        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzrollback",
            Id = vmid.ToString(CultureInfo.InvariantCulture),
            FailureAtStart = failure,
            Complete = () =>
            {
                var config = new SortedDictionary<string, string>(snapshot!.Config, StringComparer.Ordinal) { ["parent"] = name };
                config.Remove("lock");
                container.ReplaceConfig(config);
                container.Pending.Clear();
                container.PendingDeletes.Clear();
                if (start)
                {
                    container.Start(Cluster.Time.GetUtcNow(), Cluster.NewPid());
                }

                return null;
            },
            Abort = () => container.Lock = null,
        });
    }

    // DELETE /nodes/{node}/lxc/{vmid}/snapshot/{snapname}
    public ApiResult Delete(ApiRequest request)
    {
        var container = Find(request, Privileges.VmSnapshot);
        var name = request.RouteValues["snapname"];
        request.Flag("force");
        var snapshot = container.Snapshots.FirstOrDefault(s => s.Name == name);
        var failure = snapshot is null ? $"snapshot '{name}' does not exist"
            : container.Lock is { } lockName ? $"CT is locked ({lockName})"
            : null;
        if (failure is null)
        {
            snapshot!.SnapState = "delete";
            container.Lock = "snapshot-delete";
        }

        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = container.Node,
            Type = "vzdelsnapshot",
            Id = container.VmId.ToString(CultureInfo.InvariantCulture),
            FailureAtStart = failure,
            Complete = () =>
            {
                container.Snapshots.Remove(snapshot!);
                foreach (var child in container.Snapshots.Where(s => s.Parent == name))
                {
                    child.Parent = snapshot!.Parent;
                }

                if (container.Config.GetValueOrDefault("parent") == name)
                {
                    SetOrRemove(container.Config, "parent", snapshot!.Parent);
                }

                container.Lock = null;
                return null;
            },
            Abort = () =>
            {
                if (snapshot is not null)
                {
                    snapshot.SnapState = null;
                    container.Lock = null;
                }
            },
        });
    }

    // GET /nodes/{node}/lxc/{vmid}/snapshot/{snapname}/config
    public ApiResult Config(ApiRequest request)
    {
        var container = Find(request, Privileges.VmAudit);
        var name = request.RouteValues["snapname"];
        var snapshot = container.Snapshots.FirstOrDefault(s => s.Name == name)
            ?? throw PveApiException.Internal($"snapshot '{name}' does not exist");
        var json = ConfigJson.From(snapshot.Config);
        json["snaptime"] = snapshot.SnapTime;
        if (snapshot.Parent is not null)
        {
            json["parent"] = snapshot.Parent;
        }

        return ApiResult.Ok(json);
    }

    private static string ValidName(string name)
    {
        if (name.Length > 40)
        {
            throw PveApiException.Parameter("snapname", "value may only be 40 characters long");
        }

        return ConfigId().IsMatch(name) ? name
            : throw PveApiException.Parameter("snapname", $"invalid format - invalid configuration ID '{name}'\n");
    }

    private SimulatedContainer Find(ApiRequest request, string privilege)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.Require(Privileges.VmPath(vmid), privilege);
        return Cluster.GetContainer(node, vmid);
    }

    private Func<string, bool> StorageSupportsSnapshots(string node) =>
        storage => Cluster.FindNode(node)?.Storages.GetValueOrDefault(storage)?.SupportsSnapshots == true;

    private static void SetOrRemove(SortedDictionary<string, string> config, string key, string? value)
    {
        if (value is null)
        {
            config.Remove(key);
        }
        else
        {
            config[key] = value;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex ConfigId();
}
