using System.Globalization;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>
/// <c>POST /nodes/{node}/lxc</c>: the config exists at once with lock <c>create</c> (so the CT shows up in lists),
/// and the <c>vzcreate</c> task clears the lock, or removes the CT again if it fails (reference 8.2).
/// </summary>
internal sealed class CreateApi(SimulatorContext context)
{
    private static readonly HashSet<string> CreateOnly = new(StringComparer.Ordinal)
    {
        "vmid", "ostemplate", "storage", "password", "ssh-public-keys", "start", "pool", "force", "unique",
        "ignore-unpack-errors", "bwlimit", "restore", "ha-managed",
    };

    private SimulatedCluster Cluster => context.Cluster;

    // POST /nodes/{node}/lxc
    public ApiResult Create(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node);
        var vmid = ApiRequest.ParseInteger("vmid", request.Required("vmid"), 100, 999_999_999);
        var template = request.Required("ostemplate");
        var storageName = request.Optional("storage") ?? "local";
        if (request.Optional("password") is { Length: < 5 })
        {
            throw PveApiException.Parameter("password", "value must be at least 5 characters long");
        }

        var config = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Parameters.Where(p => !CreateOnly.Contains(p.Key)))
        {
            config[key] = ConfigValues.Normalize(key, value, Cluster.NewMacAddress);
        }

        var unprivileged = config.GetValueOrDefault("unprivileged") ?? (context.Version == PveVersion.V9_1 ? "1" : "0");
        var path = Privileges.VmPath(vmid);
        request.Identity.Require(path, Privileges.VmAllocate);
        request.Identity.Require(Privileges.StoragePath(storageName), Privileges.DatastoreAllocateSpace);
        if (unprivileged == "0" && context.Version == PveVersion.V9_1)
        {
            request.Identity.Require("/", "Sys.Modify");
        }

        if (Cluster.TryGetContainer(vmid) is { } existing)
        {
            throw PveApiException.Internal($"CT {vmid} already exists on node '{existing.Node}'");
        }

        if (!node.Storages.ContainsKey(storageName))
        {
            throw PveApiException.Internal($"storage '{storageName}' does not exist");
        }

        if (!node.Templates.Contains(template))
        {
            throw PveApiException.Internal($"volume '{template}' does not exist");
        }

        config["rootfs"] = AllocateVolume(node, vmid, "rootfs", config.GetValueOrDefault("rootfs"), storageName, 0);
        var disk = 1;
        foreach (var mountPoint in config.Keys.Where(k => k.StartsWith("mp", StringComparison.Ordinal)).ToList())
        {
            config[mountPoint] = AllocateVolume(node, vmid, mountPoint, config[mountPoint], storageName, disk++);
        }

        config["arch"] = config.GetValueOrDefault("arch") ?? "amd64";
        config["hostname"] = config.GetValueOrDefault("hostname") ?? $"CT{vmid}";
        config["memory"] = config.GetValueOrDefault("memory") ?? "512";
        config["swap"] = config.GetValueOrDefault("swap") ?? "512";
        config["ostype"] = config.GetValueOrDefault("ostype") ?? OsTypeOf(template);
        config["unprivileged"] = unprivileged;
        config["lock"] = "create";
        var container = new SimulatedContainer(vmid, node.Name, config);
        Cluster.Put(container);
        var start = request.Flag("start");
        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node.Name,
            Type = request.Flag("restore") ? "vzrestore" : "vzcreate",
            Id = vmid.ToString(CultureInfo.InvariantCulture),
            LogLines = [$"extracting archive '{TemplatePath(template)}'", "Total bytes read: 524288000 (500MiB, 250MiB/s)", "Detected container architecture: amd64"],
            Complete = () =>
            {
                container.Lock = null;
                if (start)
                {
                    container.Start(Cluster.Time.GetUtcNow(), Cluster.NewPid());
                }

                return null;
            },
            Abort = () => Cluster.Remove(vmid),
        });
    }

    /// <summary>
    /// <c>STORAGE:SIZE</c> (GiB, fractions allowed) or a bare size allocates a new volume; nothing means 4 GiB on the
    /// default storage; an existing volume name is kept.
    /// </summary>
    internal static string AllocateVolume(SimulatedNode node, int vmid, string key, string? value, string defaultStorage, int diskIndex)
    {
        var spec = PropertyString.Parse(value ?? $"{defaultStorage}:4", allowLeading: true);
        var volume = spec.Leading ?? throw PveApiException.Parameter(key, "invalid format - missing volume");
        var colon = volume.IndexOf(':', StringComparison.Ordinal);
        var storageName = colon < 0 ? defaultStorage : volume[..colon];
        var sizeText = colon < 0 ? volume : volume[(colon + 1)..];
        if (!node.Storages.TryGetValue(storageName, out var storage))
        {
            throw PveApiException.Internal($"storage '{storageName}' does not exist");
        }

        if (!double.TryParse(sizeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var gib))
        {
            return spec.ToString();
        }

        spec.Leading = storage.NewVolumeName(vmid, diskIndex);
        spec.Set("size", DiskSize.Format((long)Math.Round(gib * (1L << 30))));
        return spec.ToString();
    }

    private static string OsTypeOf(string template)
    {
        var file = TemplatePath(template);
        var dash = file.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? file[..dash] : "unmanaged";
    }

    private static string TemplatePath(string template) => template[(template.LastIndexOf('/') + 1)..];
}
