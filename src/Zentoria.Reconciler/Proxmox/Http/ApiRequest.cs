namespace Zentoria.Reconciler.Proxmox;

internal sealed record ApiRequest(HttpMethod Method, ApiRoute Route, OperationClass Operation, FormParameters? Parameters = null)
{
    /// <summary>Only <c>POST /access/ticket</c> goes without credentials.</summary>
    public bool Anonymous { get; init; }

    public ProxmoxRequestContext Context => new(Method.Method, Route.Path, Route.Template);
}
