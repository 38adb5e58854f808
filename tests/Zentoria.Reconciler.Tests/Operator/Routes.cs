namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>The simulator's route names, as its request statistics and fault rules key them.</summary>
internal static class Routes
{
    public const string Resources = "GET /cluster/resources";
    public const string Pending = "GET /nodes/{node}/lxc/{vmid}/pending";
    public const string Create = "POST /nodes/{node}/lxc";
    public const string Start = "POST /nodes/{node}/lxc/{vmid}/status/start";
    public const string Shutdown = "POST /nodes/{node}/lxc/{vmid}/status/shutdown";
    public const string Reboot = "POST /nodes/{node}/lxc/{vmid}/status/reboot";
    public const string PutConfig = "PUT /nodes/{node}/lxc/{vmid}/config";
    public const string Resize = "PUT /nodes/{node}/lxc/{vmid}/resize";
    public const string Destroy = "DELETE /nodes/{node}/lxc/{vmid}";
}
