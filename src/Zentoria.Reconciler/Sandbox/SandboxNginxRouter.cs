using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Zentoria.Reconciler.Guests.Simulated;
using Zentoria.Reconciler.Routing;

namespace Zentoria.Reconciler.Sandbox;

/// <summary>
/// The sandbox's NGINX in its HTTP part: <c>/&lt;upstream&gt;/path</c> goes to <c>/path</c> on a server of that
/// upstream, as the operator's upstream file for it says (<c>location /backend/ { proxy_pass http://backend/; }</c>).
/// Like NGINX, it routes by what it loaded at the last <c>nginx -s reload</c>, not by what is on disk; the answer
/// carries <c>X-Upstream-Addr</c> (NGINX's <c>$upstream_addr</c>), so <c>curl -i</c> shows which side answered.
/// </summary>
internal sealed class SandboxNginxRouter(SimulatedGuestShell shell, ImmutableArray<(string Upstream, string File)> upstreams, TimeProvider time)
{
    public const string UpstreamHeader = "X-Upstream-Addr";

    /// <summary>NGINX's <c>proxy_read_timeout</c> is 60 s; the sandbox's servers answer at once or not at all.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly HttpClient Client = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), UseProxy = false });

    private FrozenDictionary<string, SandboxUpstream>? loaded;

    /// <summary>The upstreams as loaded now, by name; NGINX loads the files when it starts, here at the first request unless a reload came first.</summary>
    public IReadOnlyDictionary<string, SandboxUpstream> Loaded
    {
        get
        {
            if (Volatile.Read(ref loaded) is null)
            {
                Reload();
            }

            return Volatile.Read(ref loaded)!;
        }
    }

    /// <summary>Loads every upstream file that parses, as <c>nginx -s reload</c> does (the operator ran <c>nginx -t</c> first).</summary>
    public void Reload()
    {
        var next = new Dictionary<string, SandboxUpstream>(StringComparer.Ordinal);
        foreach (var (upstream, file) in upstreams)
        {
            if (shell.Find(file) is { } present && UpstreamFile.Read(present.Content.Span) is { Routing: { } routing })
            {
                next[upstream] = new SandboxUpstream(routing.Servers);
            }
        }

        Volatile.Write(ref loaded, next.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public async Task ForwardAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var slash = path.IndexOf('/', 1);
        var name = slash < 0 ? path[1..] : path[1..slash];
        if (!Loaded.TryGetValue(name, out var upstream))
        {
            await AnswerAsync(context, StatusCodes.Status404NotFound, $"no location for {path}: the sandbox's NGINX routes /<upstream>/ to the upstreams it loaded ({string.Join(", ", Loaded.Keys.Order(StringComparer.Ordinal))})\n");
            return;
        }

        if (upstream.Next() is not { } server)
        {
            await AnswerAsync(context, StatusCodes.Status502BadGateway, $"upstream {name} has no server\n");
            return;
        }

        context.Response.Headers[UpstreamHeader] = server.Endpoint.ToString();
        var target = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{server.Endpoint}{(slash < 0 ? "/" : path[slash..])}{context.Request.QueryString}"));
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), target);
            using var response = await Client.SendAsync(request, linked.Token);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await response.Content.CopyToAsync(context.Response.Body, linked.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !context.RequestAborted.IsCancellationRequested)
        {
            await AnswerAsync(context, StatusCodes.Status502BadGateway, $"upstream {name}: {server.Endpoint} did not answer ({e.GetType().Name})\n");
        }
    }

    private static Task AnswerAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
