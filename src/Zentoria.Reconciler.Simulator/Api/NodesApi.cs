using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class NodesApi(SimulatorContext context)
{
    // GET /nodes
    public ApiResult List(ApiRequest request)
    {
        var list = new JsonArray();
        foreach (var node in context.Cluster.Nodes)
        {
            var json = new JsonObject
            {
                ["id"] = "node/" + node.Name,
                ["type"] = "node",
                ["node"] = node.Name,
                ["status"] = node.Online ? "online" : "offline",
                ["level"] = "",
                ["ssl_fingerprint"] = Fingerprint(node),
            };
            if (node.Online && request.Identity.Can("/nodes/" + node.Name, Privileges.SysAudit))
            {
                json["cpu"] = 0.0062;
                json["maxcpu"] = node.MaxCpu;
                json["mem"] = node.MaxMemory / 6;
                json["maxmem"] = node.MaxMemory;
                json["disk"] = 11240390656;
                json["maxdisk"] = 23215472640;
                json["uptime"] = 20391;
            }

            list.Add((JsonNode)json);
        }

        return ApiResult.Ok(list);
    }

    // The local node shows the certificate it really serves; the others a stable stand-in.
    private string Fingerprint(SimulatedNode node) =>
        node.Name == context.Cluster.LocalNode && context.CertificateFingerprint is { } real
            ? real
            : string.Join(':', SHA256.HashData(Encoding.UTF8.GetBytes(node.Name)).Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
}
