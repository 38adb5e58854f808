using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

internal sealed class TasksApi(SimulatorContext context)
{
    // GET /nodes/{node}/tasks/{upid}/status
    public ApiResult Status(ApiRequest request)
    {
        var task = Find(request);
        var json = new JsonObject
        {
            ["upid"] = task.UpidText,
            ["node"] = task.Upid.Node,
            ["pid"] = task.Upid.Pid,
            ["pstart"] = task.Upid.PStart,
            ["starttime"] = task.Upid.StartTime,
            ["type"] = task.Upid.Type,
            ["id"] = task.Upid.Id,
            ["user"] = task.Upid.User.Split('!')[0],
            ["status"] = task.IsRunning ? "running" : "stopped",
        };
        if (task.Upid.User.Contains('!', StringComparison.Ordinal))
        {
            json["tokenid"] = task.Upid.User[(task.Upid.User.IndexOf('!', StringComparison.Ordinal) + 1)..];
        }

        if (task.ExitStatus is { } exit)
        {
            json["exitstatus"] = exit;
        }

        return ApiResult.Ok(json);
    }

    // GET /nodes/{node}/tasks/{upid}/log
    public ApiResult Log(ApiRequest request)
    {
        var task = Find(request);
        var start = request.OptionalInteger("start", 0, int.MaxValue) ?? 0;
        var limit = request.OptionalInteger("limit", 0, int.MaxValue) ?? 50;
        var lines = task.Log.Count == 0 ? ["no content"] : task.Log;
        var page = lines.Skip(start).Take(limit == 0 ? int.MaxValue : limit);
        var list = new JsonArray();
        var n = start;
        foreach (var line in page)
        {
            list.Add((JsonNode)new JsonObject { ["n"] = ++n, ["t"] = line });
        }

        return ApiResult.Ok(list, total: lines.Count);
    }

    private SimulatedTask Find(ApiRequest request)
    {
        var text = request.RouteValues["upid"];
        var upid = Upid.TryParse(text) ?? throw PveApiException.Parameter("upid", "unable to parse worker upid");
        if (upid.Node != request.Node || context.Cluster.Tasks.Find(text) is not { } task)
        {
            throw PveApiException.Parameter("upid", "no such task");
        }

        if (!TaskListApi.Owns(request.Identity, task))
        {
            request.Identity.Require("/nodes/" + upid.Node, Privileges.SysAudit);
        }

        return task;
    }
}
