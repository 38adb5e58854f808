using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Simulator.Auth;
using Zentoria.Reconciler.Simulator.Faults;
using Zentoria.Reconciler.Simulator.State;

namespace Zentoria.Reconciler.Simulator.Http;

/// <summary>
/// Every request goes through here, in the order pveproxy works: route (501), body rules (501),
/// authentication (401), parameters (400), injected faults, node forwarding (595), then the handler under
/// the cluster gate, whose <see cref="PveApiException"/> becomes the error response.
/// </summary>
internal sealed class RequestPipeline
{
    private const string Prefix = "/api2/json";

    private readonly Router _router;
    private readonly Authenticator _authenticator;
    private readonly FaultInjector _faults;
    private readonly SimulatedCluster _cluster;
    private readonly RequestStatistics _statistics;
    private readonly ResponseWriter _writer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _authFailureDelay;
    private readonly ILogger _logger;

    public RequestPipeline(Router router, Authenticator authenticator, FaultInjector faults, SimulatedCluster cluster, RequestStatistics statistics, ResponseWriter writer, SimulatorOptions options, ILogger logger)
    {
        _router = router;
        _authenticator = authenticator;
        _faults = faults;
        _cluster = cluster;
        _statistics = statistics;
        _writer = writer;
        _time = options.TimeProvider;
        _authFailureDelay = options.AuthFailureDelay;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (_faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(_faults.Latency, _time, cancellationToken);
        }

        var (result, routeName) = await AnswerAsync(context, cancellationToken);
        if (result is null)
        {
            context.Abort();
            return;
        }

        if (result.StatusCode == 401 && _authFailureDelay > TimeSpan.Zero)
        {
            await Task.Delay(_authFailureDelay, _time, cancellationToken);
        }

        Log.Answered(_logger, context.Request.Method, routeName, result.StatusCode);
        await _writer.WriteAsync(context, result, cancellationToken);
    }

    private async Task<(ApiResult? Result, string RouteName)> AnswerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        var apiPath = path.StartsWith(Prefix + "/", StringComparison.Ordinal) ? path[Prefix.Length..].TrimEnd('/') : null;
        var match = apiPath is null ? null : _router.Match(method, apiPath);
        if (match is not { } matched)
        {
            _statistics.Count(RequestStatistics.Unmatched);
            return (ApiResult.NotImplemented(apiPath is null ? "no such uri" : $"Method '{method} {apiPath}' not implemented"), RequestStatistics.Unmatched);
        }

        var (route, routeValues) = matched;
        _statistics.Count(route.Name);
        if ((HttpMethods.IsGet(method) || HttpMethods.IsDelete(method))
            && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            return (ApiResult.NotImplemented($"Unexpected content for method '{method}'"), route.Name);
        }

        var identity = Identity.Anonymous;
        if (!route.Anonymous)
        {
            var (authenticated, failure) = _authenticator.Authenticate(context.Request);
            if (failure is not null)
            {
                return (failure, route.Name);
            }

            identity = authenticated!;
        }

        try
        {
            var parameters = await ParameterParser.ParseAsync(context.Request, route, routeValues, cancellationToken);
            var fired = _faults.Draw(route.Name, route.Template, VmIdOf(routeValues, parameters));
            foreach (var rule in fired)
            {
                Log.FaultInjected(_logger, rule.Kind.ToString(), route.Name);
                if (rule.Kind == FaultKind.Latency)
                {
                    await Task.Delay(rule.Delay, _time, cancellationToken);
                }
            }

            if (fired.Any(r => r.Kind == FaultKind.DropConnection))
            {
                return (null, route.Name);
            }

            if (FaultResult(fired, routeValues, parameters) is { } faulted)
            {
                return (faulted, route.Name);
            }

            var request = new ApiRequest(route, routeValues, parameters, identity) { TaskFault = FaultInjector.TaskFaultOf(fired) };
            lock (_cluster.Gate)
            {
                if (routeValues.TryGetValue("node", out var node) && _cluster.FindNode(node) is { Online: false })
                {
                    return (ApiResult.WithoutBody(595, "No route to host"), route.Name);
                }

                _cluster.Tasks.CompleteDue();
                return (route.Handler(request), route.Name);
            }
        }
        catch (PveApiException exception)
        {
            return (ApiResult.FromException(exception), route.Name);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A simulator bug must still look like a PVE answer, or clients would report a transport error instead.
            Log.HandlerFailed(_logger, exception, route.Name);
            return (ApiResult.FromException(PveApiException.Internal("simulator error: " + exception.GetType().Name)), route.Name);
        }
    }

    private static ApiResult? FaultResult(IReadOnlyList<FaultRule> fired, Dictionary<string, string> routeValues, Dictionary<string, string> parameters)
    {
        foreach (var rule in fired)
        {
            switch (rule.Kind)
            {
                case FaultKind.Error:
                    return ApiResult.FromException(new PveApiException(rule.StatusCode, rule.Message ?? "injected error\n"));
                case FaultKind.NodeUnreachable:
                case FaultKind.ProxyFailure:
                    return ApiResult.WithoutBody(rule.StatusCode, rule.Message ?? "Connection refused");
                case FaultKind.LockTimeout:
                    var vmid = VmIdOf(routeValues, parameters)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
                    var text = $"can't lock file '/run/lock/lxc/pve-config-{vmid}.lock' - got timeout";
                    var creating = !routeValues.ContainsKey("vmid") && parameters.ContainsKey("vmid");
                    return ApiResult.FromException(PveApiException.Internal(creating ? $"unable to create CT {vmid} - {text}" : text));
            }
        }

        return null;
    }

    private static int? VmIdOf(Dictionary<string, string> routeValues, Dictionary<string, string> parameters) =>
        (routeValues.TryGetValue("vmid", out var text) || parameters.TryGetValue("vmid", out text))
        && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vmid)
            ? vmid
            : null;
}
