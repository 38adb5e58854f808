using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.State;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Forks a simulated worker for a request and answers <c>{"data":"UPID:..."}</c>.</summary>
internal static class TaskStarter
{
    public static ApiResult Start(SimulatedCluster cluster, ApiRequest request, TaskSpec spec)
    {
        var task = cluster.Tasks.Start(spec, request.Identity.TaskOwner, request.Identity.TokenId, request.TaskFault);
        return ApiResult.Ok(JsonValue.Create(task.UpidText));
    }
}
