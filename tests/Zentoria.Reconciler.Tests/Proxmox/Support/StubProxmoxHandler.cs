using System.Net;
using System.Text;
using System.Web;

namespace Zentoria.Reconciler.Tests.Proxmox.Support;

/// <summary>
/// A tiny in-process HTTP endpoint for the client's pure parts: answers by method and path from canned
/// responders (the last one registered wins), records every request, and answers 501 like Proxmox otherwise.
/// </summary>
internal sealed class StubProxmoxHandler(TimeProvider? timeProvider = null) : HttpMessageHandler
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<(string Method, string Path, Func<RecordedRequest, int, HttpResponseMessage> Respond)> routes = [];
    private readonly Dictionary<string, int> calls = [];
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Async work to run inside each request, such as waiting for a test's signal.</summary>
    public Func<RecordedRequest, CancellationToken, Task>? DuringRequest { get; set; }

    /// <summary><paramref name="respond"/> gets the request and its 0-based call number on this route.</summary>
    public StubProxmoxHandler On(string method, string path, Func<RecordedRequest, int, HttpResponseMessage> respond)
    {
        lock (gate)
        {
            routes.Add((method, path, respond));
        }

        return this;
    }

    public StubProxmoxHandler On(string method, string path, Func<HttpResponseMessage> respond) => On(method, path, (_, _) => respond());

    /// <summary>Answers the n-th call with the n-th responder, and later calls with the last one.</summary>
    public StubProxmoxHandler OnSequence(string method, string path, params Func<HttpResponseMessage>[] responders) =>
        On(method, path, (_, call) => responders[Math.Min(call, responders.Length - 1)]());

    public int CallsTo(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        path = path.StartsWith("/api2/json", StringComparison.Ordinal) ? path["/api2/json".Length..] : path;
        var recorded = new RecordedRequest(
            request.Method.Method,
            Uri.UnescapeDataString(path),
            Parse(request.RequestUri.Query.TrimStart('?')),
            Parse(body),
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            time.GetUtcNow());
        Func<RecordedRequest, int, HttpResponseMessage>? respond;
        int call;
        lock (gate)
        {
            requests.Add(recorded);
            respond = routes.LastOrDefault(r => r.Method == recorded.Method && r.Path == recorded.Path).Respond;
            var key = recorded.Method + " " + recorded.Path;
            call = calls.GetValueOrDefault(key);
            calls[key] = call + 1;
        }

        if (DuringRequest is { } during)
        {
            await during(recorded, cancellationToken);
        }

        return respond is null
            ? StubResponses.Error(501, $"Method '{recorded.Method} {recorded.Path}' not implemented")
            : respond(recorded, call);
    }

    private static Dictionary<string, string> Parse(string encoded)
    {
        var values = HttpUtility.ParseQueryString(encoded);
        return values.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => values[k]!, StringComparer.Ordinal);
    }
}
