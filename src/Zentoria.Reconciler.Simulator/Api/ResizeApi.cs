using System.Globalization;
using System.Text.RegularExpressions;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary><c>PUT .../resize</c>: grow only; an equal size answers <c>null</c> without a task, as pve-container does.</summary>
internal sealed partial class ResizeApi(SimulatorContext context)
{
    private SimulatedCluster Cluster => context.Cluster;

    // PUT /nodes/{node}/lxc/{vmid}/resize
    public ApiResult Resize(ApiRequest request)
    {
        var node = Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        var disk = request.Required("disk");
        var sizeText = request.Required("size");
        if (!ConfigSchema.IsMountPoint(disk))
        {
            throw PveApiException.Parameter("disk", $"value '{disk}' does not have a value in the enumeration 'rootfs, mp0, mp1, mp2, mp3, mp4, mp5, mp6, mp7, mp8, mp9, ...'");
        }

        var match = SizePattern().Match(sizeText);
        if (!match.Success || !DiskSize.TryParse(match.Groups[2].Value, out var amount))
        {
            throw PveApiException.Parameter("size", "value does not match the regex pattern");
        }

        var container = Cluster.GetContainer(node, vmid);
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmConfigDisk);
        if (container.Lock is { } lockName)
        {
            throw PveApiException.Locked(lockName);
        }

        DigestCheck.Verify(request, container);
        var volume = container.Config.TryGetValue(disk, out var value) ? PropertyString.Parse(value, allowLeading: true)
            : throw PveApiException.Internal($"disk '{disk}' does not exist");
        var size = volume.Get("size") is { } current && DiskSize.TryParse(current, out var bytes) ? bytes : 0;
        var newSize = match.Groups[1].Success ? size + amount : amount;
        if (newSize < size)
        {
            throw PveApiException.Internal("unable to shrink disk size");
        }

        if (newSize == size)
        {
            return ApiResult.Ok(null);
        }

        return TaskStarter.Start(Cluster, request, new TaskSpec
        {
            Node = node,
            Type = "resize",
            Id = vmid.ToString(CultureInfo.InvariantCulture),
            LogLines = [$"  Size of logical volume pve/vm-{vmid}-disk-0 changed from {DiskSize.Format(size)} to {DiskSize.Format(newSize)}."],
            Complete = () =>
            {
                if (!container.Config.TryGetValue(disk, out var now))
                {
                    return $"disk '{disk}' does not exist";
                }

                var resized = PropertyString.Parse(now, allowLeading: true);
                resized.Set("size", DiskSize.Format(newSize));
                container.Config[disk] = resized.ToString();
                return null;
            },
        });
    }

    [GeneratedRegex(@"^(\+)?(\d+(?:\.\d+)?[KMGT]?)$")]
    private static partial Regex SizePattern();
}
