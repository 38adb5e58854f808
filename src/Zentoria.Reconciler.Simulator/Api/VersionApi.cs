using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class VersionApi(SimulatorContext context)
{
    // GET /version
    public ApiResult Get(ApiRequest request) => ApiResult.Ok(new JsonObject
    {
        ["version"] = context.Version.FullVersion(),
        ["release"] = context.Version.Release(),
        ["repoid"] = context.Version.RepoId(),
    });
}
