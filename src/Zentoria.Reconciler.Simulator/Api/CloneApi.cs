using System.Globalization;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>
/// <c>POST .../clone</c>: the source takes lock <c>disk</c> synchronously (so a second clone fails at once with
/// <c>CT is locked (disk)</c>), the target exists with lock <c>create</c> until the <c>vzclone</c> task ends.
/// </summary>
internal sealed class CloneApi(SimulatorContext context)
{
    private SimulatedCluster Cluster => context.Cluster;

    // POST /nodes/{node}/lxc/{vmid}/clone
    public ApiResult Clone(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        var newId = ApiRequest.ParseInteger("newid", request.Required("newid"), 100, 999_999_999);
        var source = Cluster.GetContainer(node, vmid);
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmClone);
        request.Identity.Require(Privileges.VmPath(newId), Privileges.VmAllocate);
        var full = request.Optional("full") is { } fullText ? ApiRequest.ParseBoolean("full", fullText) : !source.IsTemplate;
        var storageName = request.Optional("storage");
        if (storageName is not null && !full)
        {
            throw PveApiException.Parameter("storage", "parameter 'storage' not allowed for linked clones");
        }

        var target = Cluster.ResolveNode(request.Optional("target") ?? node);
        if (source.Lock is { } lockName)
        {
            throw PveApiException.Locked(lockName);
        }

        if (Cluster.TryGetContainer(newId) is { } existing)
        {
            throw PveApiException.Internal($"CT {newId} already exists on node '{existing.Node}'");
        }

        var snapname = request.Optional("snapname");
        if (full && source.Running && snapname is null)
        {
            throw PveApiException.Internal("Full clone of a running container is only possible from a snapshot");
        }

        var baseConfig = snapname is null ? source.Config
            : source.Snapshots.FirstOrDefault(s => s.Name == snapname)?.Config ?? throw PveApiException.Internal($"snapshot '{snapname}' does not exist");
        var config = NewConfig(baseConfig, target, newId, storageName, request);
        var clone = new SimulatedContainer(newId, target.Name, config);
        source.Lock = "disk";
        Cluster.Put(clone);
        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "vzclone",
            Id = vmid.ToString(CultureInfo.InvariantCulture),
            LogLines = [$"create full clone of mountpoint rootfs ({source.Config.GetValueOrDefault("rootfs")?.Split(',')[0]})"],
            Complete = () =>
            {
                source.Lock = null;
                clone.Lock = null;
                return null;
            },
            Abort = () =>
            {
                source.Lock = null;
                Cluster.Remove(newId);
            },
        });
    }

    private SortedDictionary<string, string> NewConfig(SortedDictionary<string, string> from, SimulatedNode target, int newId, string? storageName, ApiRequest request)
    {
        var config = new SortedDictionary<string, string>(from, StringComparer.Ordinal);
        config.Remove("lock");
        config.Remove("parent");
        config.Remove("template");
        foreach (var key in config.Keys.Where(ConfigSchema.IsNetwork).ToList())
        {
            var net = PropertyString.Parse(config[key], allowLeading: false);
            net.Set("hwaddr", Cluster.NewMacAddress());
            config[key] = NetworkInterface.Normalize(net.ToString(), Cluster.NewMacAddress);
        }

        var disk = 0;
        foreach (var key in config.Keys.Where(ConfigSchema.IsMountPoint).OrderBy(k => k == "rootfs" ? 0 : 1).ToList())
        {
            var spec = PropertyString.Parse(config[key], allowLeading: true);
            var storage = storageName ?? spec.Leading?.Split(':')[0] ?? "local-lvm";
            if (!target.Storages.TryGetValue(storage, out var targetStorage))
            {
                throw PveApiException.Internal($"storage '{storage}' does not exist");
            }

            spec.Leading = targetStorage.NewVolumeName(newId, disk++);
            config[key] = spec.ToString();
        }

        if (request.Optional("hostname") is { } hostname)
        {
            config["hostname"] = ConfigValues.Normalize("hostname", hostname, Cluster.NewMacAddress);
        }

        if (request.Optional("description") is { } description)
        {
            config["description"] = description;
        }

        config["lock"] = "create";
        return config;
    }
}
