namespace Zentoria.Reconciler.Proxmox;

/// <summary>Which call failed: method, concrete path and route template. Never carries parameters or headers.</summary>
internal sealed record ProxmoxRequestContext(string Method, string Path, string RouteTemplate)
{
    public override string ToString() => $"{Method} {Path}";
}
