using System.Globalization;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>
/// <c>GET .../interfaces</c> of a running CT, as <c>ip</c> inside the guest reports them. A DHCP interface gets a
/// stable address from the documentation range 192.0.2.0/24, which nothing ever routes.
/// </summary>
internal sealed class InterfacesApi(SimulatorContext context)
{
    // GET /nodes/{node}/lxc/{vmid}/interfaces
    public ApiResult List(ApiRequest request)
    {
        var node = context.Cluster.ResolveNode(request.Node).Name;
        var vmid = request.VmId;
        request.Identity.Require(Privileges.VmPath(vmid), Privileges.VmAudit);
        var container = context.Cluster.GetContainer(node, vmid);
        if (!container.Running)
        {
            throw PveApiException.Internal($"CT {vmid} not running");
        }

        var list = new JsonArray { (JsonNode)Interface("lo", "00:00:00:00:00:00", "127.0.0.1/8", "::1/128") };
        foreach (var (key, value) in container.Config.Where(p => ConfigSchema.IsNetwork(p.Key)))
        {
            var net = PropertyString.Parse(value, allowLeading: false);
            var mac = (net.Get("hwaddr") ?? "BC:24:11:00:00:00").ToLowerInvariant();
            var ip = net.Get("ip") is { } configured && configured.Contains('/', StringComparison.Ordinal)
                ? configured
                : string.Create(CultureInfo.InvariantCulture, $"192.0.2.{(vmid + key[^1]) % 254 + 1}/24");
            list.Add((JsonNode)Interface(net.Get("name") ?? key, mac, ip, "fe80::" + mac.Replace(":", "", StringComparison.Ordinal)[6..] + "/64"));
        }

        return ApiResult.Ok(list);
    }

    private static JsonObject Interface(string name, string mac, string inet, string inet6)
    {
        var slash = inet.IndexOf('/', StringComparison.Ordinal);
        return new JsonObject
        {
            ["name"] = name,
            ["hwaddr"] = mac,
            ["hardware-address"] = mac,
            ["inet"] = inet,
            ["inet6"] = inet6,
            ["ip-addresses"] = new JsonArray
            {
                (JsonNode)new JsonObject
                {
                    ["ip-address"] = inet[..slash],
                    ["ip-address-type"] = "inet",
                    ["prefix"] = int.Parse(inet[(slash + 1)..], CultureInfo.InvariantCulture),
                },
            },
        };
    }
}
