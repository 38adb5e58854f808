using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Api;

/// <summary>Every simulated API method in one table. Anything else answers 501.</summary>
internal static class ApiRoutes
{
    private const string Ct = "/nodes/{node}/lxc/{vmid}";

    public static Router Build(SimulatorContext context)
    {
        var router = new Router();
        void Add(string method, string template, Func<ApiRequest, ApiResult> handler, params string[] parameters) =>
            router.Add(new RouteEntry(method, template, handler, new HashSet<string>(parameters, StringComparer.Ordinal)));
        void AddOpen(string method, string template, Func<ApiRequest, ApiResult> handler) =>
            router.Add(new RouteEntry(method, template, handler, null));

        var version = new VersionApi(context);
        var access = new AccessApi(context);
        var cluster = new ClusterApi(context);
        var nodes = new NodesApi(context);
        var containers = new ContainersApi(context);
        var create = new CreateApi(context);
        var destroy = new DestroyApi(context);
        var clone = new CloneApi(context);
        var power = new PowerApi(context);
        var config = new ConfigApi(context);
        var resize = new ResizeApi(context);
        var snapshots = new SnapshotApi(context);
        var tasks = new TasksApi(context);
        var interfaces = new InterfacesApi(context);
        var taskList = new TaskListApi(context);

        Add("GET", "/version", version.Get);
        router.Add(new RouteEntry("POST", "/access/ticket", access.CreateTicket,
            new HashSet<string>(["username", "password", "realm", "otp", "tfa-challenge", "path", "privs", "new-format"], StringComparer.Ordinal)) { Anonymous = true });
        Add("GET", "/cluster/resources", cluster.Resources, "type");
        Add("GET", "/cluster/nextid", cluster.NextId, "vmid");
        Add("GET", "/nodes", nodes.List);
        Add("GET", "/nodes/{node}/lxc", containers.List);
        AddOpen("POST", "/nodes/{node}/lxc", create.Create);
        Add("GET", Ct, containers.Index);
        Add("DELETE", Ct, destroy.Destroy, "purge", "force", "destroy-unreferenced-disks");
        Add("GET", Ct + "/status/current", containers.Current);
        Add("POST", Ct + "/status/start", power.Start, "skiplock", "debug");
        Add("POST", Ct + "/status/stop", power.Stop, "skiplock", "overrule-shutdown");
        Add("POST", Ct + "/status/shutdown", power.Shutdown, "timeout", "forceStop");
        Add("POST", Ct + "/status/reboot", power.Reboot, "timeout");
        Add("GET", Ct + "/config", config.Get, "current", "snapshot");
        AddOpen("PUT", Ct + "/config", config.Update);
        Add("GET", Ct + "/pending", config.Pending);
        Add("GET", Ct + "/interfaces", interfaces.List);
        Add("PUT", Ct + "/resize", resize.Resize, "disk", "size", "digest");
        Add("POST", Ct + "/clone", clone.Clone, "newid", "hostname", "description", "full", "storage", "target", "snapname", "pool", "bwlimit");
        Add("GET", Ct + "/snapshot", snapshots.List);
        Add("POST", Ct + "/snapshot", snapshots.Create, "snapname", "description");
        Add("DELETE", Ct + "/snapshot/{snapname}", snapshots.Delete, "force");
        Add("GET", Ct + "/snapshot/{snapname}/config", snapshots.Config);
        Add("POST", Ct + "/snapshot/{snapname}/rollback", snapshots.Rollback, "start");
        Add("GET", "/nodes/{node}/tasks", taskList.List, "vmid", "typefilter", "source", "limit", "start", "since", "until", "statusfilter", "userfilter", "errors");
        Add("DELETE", "/nodes/{node}/tasks/{upid}", taskList.Stop);
        Add("GET", "/nodes/{node}/tasks/{upid}/status", tasks.Status);
        Add("GET", "/nodes/{node}/tasks/{upid}/log", tasks.Log, "start", "limit", "download");
        return router;
    }
}
