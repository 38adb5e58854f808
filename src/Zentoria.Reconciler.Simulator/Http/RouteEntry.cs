namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>
/// One API method: verb, path template under <c>/api2/json</c>, the parameters its schema allows (besides the
/// path's own) and the handler. <see cref="Name"/> ("GET /nodes/{node}/lxc") keys statistics and fault rules.
/// </summary>
internal sealed class RouteEntry
{
    public RouteEntry(string method, string template, Func<ApiRequest, ApiResult> handler, IReadOnlySet<string>? parameters)
    {
        Method = method;
        Template = template;
        Handler = handler;
        Parameters = parameters;
        Segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Name = method + " " + template;
    }

    public string Method { get; }

    public string Template { get; }

    public string Name { get; }

    public IReadOnlyList<string> Segments { get; }

    public Func<ApiRequest, ApiResult> Handler { get; }

    /// <summary>Allowed non-path parameters; <see langword="null"/> accepts any (the handler checks them).</summary>
    public IReadOnlySet<string>? Parameters { get; }

    /// <summary>Set for the login call, which needs no credentials.</summary>
    public bool Anonymous { get; init; }
}
