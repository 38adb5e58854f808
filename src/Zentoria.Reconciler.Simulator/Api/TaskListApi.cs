using System.Text.Json.Nodes;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Http;
using Zentoria.Reconciler.Simulator.Tasks;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>The node's task list and stopping a task (reference 6.2 and 2.3).</summary>
internal sealed class TaskListApi(SimulatorContext context)
{
    // GET /nodes/{node}/tasks
    public ApiResult List(ApiRequest request)
    {
        var node = context.Cluster.ResolveNode(request.Node).Name;
        var vmid = request.OptionalInteger("vmid", 100, 999_999_999);
        var type = request.Optional("typefilter");
        var source = request.Optional("source") ?? "archive";
        if (source is not ("archive" or "active" or "all"))
        {
            throw PveApiException.Parameter("source", $"value '{source}' does not have a value in the enumeration 'archive, active, all'");
        }

        var errorsOnly = request.Flag("errors");
        var start = request.OptionalInteger("start", 0, int.MaxValue) ?? 0;
        var limit = request.OptionalInteger("limit", 0, int.MaxValue) ?? 50;
        var canAudit = request.Identity.Can("/nodes/" + node, Privileges.SysAudit);
        var tasks = context.Cluster.Tasks.All
            .Where(t => t.Upid.Node == node)
            .Where(t => source == "all" || (source == "active") == t.IsRunning)
            .Where(t => vmid is null || t.Upid.Id == vmid.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(t => type is null || t.Upid.Type == type)
            .Where(t => !errorsOnly || t.ExitStatus is not (null or "OK"))
            .Where(t => canAudit || Owns(request.Identity, t))
            .OrderByDescending(t => t.Upid.StartTime)
            .ToList();
        var list = new JsonArray();
        foreach (var task in tasks.Skip(start).Take(limit == 0 ? int.MaxValue : limit))
        {
            var item = new JsonObject
            {
                ["upid"] = task.UpidText,
                ["node"] = task.Upid.Node,
                ["pid"] = task.Upid.Pid,
                ["pstart"] = task.Upid.PStart,
                ["starttime"] = task.Upid.StartTime,
                ["type"] = task.Upid.Type,
                ["id"] = task.Upid.Id,
                ["user"] = task.Upid.User,
                ["status"] = task.ExitStatus ?? "RUNNING",
            };
            if (task.EndTime is { } end)
            {
                item["endtime"] = end.ToUnixTimeSeconds();
            }

            list.Add((JsonNode)item);
        }

        return ApiResult.Ok(list, total: tasks.Count);
    }

    // DELETE /nodes/{node}/tasks/{upid}
    public ApiResult Stop(ApiRequest request)
    {
        var text = request.RouteValues["upid"];
        var upid = Upid.TryParse(text) ?? throw PveApiException.Parameter("upid", "unable to parse worker upid");
        if (upid.Node != request.Node || context.Cluster.Tasks.Find(text) is not { } task)
        {
            throw PveApiException.Parameter("upid", "no such task");
        }

        if (!Owns(request.Identity, task))
        {
            request.Identity.Require("/nodes/" + upid.Node, "Sys.Modify");
        }

        context.Cluster.Tasks.Stop(task);
        return ApiResult.Ok(null);
    }

    /// <summary>A token owns only the tasks it started; a user owns its own and its tokens' tasks.</summary>
    internal static bool Owns(Identity identity, SimulatedTask task) =>
        identity.TokenId is { } tokenId
            ? task.Upid.User == tokenId
            : task.Upid.User == identity.UserId || task.Upid.User.StartsWith(identity.UserId + "!", StringComparison.Ordinal);
}
