using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Http;

/// <summary>
/// <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>, <c>/status</c> (read-only, open on loopback) and
/// <c>POST /reconcile</c> (the only state-changing route; it requires the bearer token).
/// </summary>
internal sealed class OperatorEndpoints(
    StatusStore status,
    OperatorMetrics metrics,
    ReconcileTrigger trigger,
    ReconcileToken token,
    LoopOptions loop,
    TimeProvider time,
    ILogger<OperatorEndpoints> logger)
{
    private const string PrometheusTextFormat = "text/plain; version=0.0.4; charset=utf-8";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/metrics", context => Handler(context).MetricsAsync(context));
        routes.MapGet("/healthz", context => Handler(context).HealthzAsync(context));
        routes.MapGet("/readyz", context => Handler(context).ReadyzAsync(context));
        routes.MapGet("/status", context => Handler(context).StatusAsync(context));
        routes.MapPost("/reconcile", context => Handler(context).ReconcileAsync(context));
        Sources.GitWebhookEndpoint.Map(routes);
        Reconciliation.Services.RetryEndpoint.Map(routes);
        Reconciliation.Rollouts.RolloutControlEndpoint.Map(routes);
        ControlEndpoints.Map(routes);
    }

    public async Task MetricsAsync(HttpContext context)
    {
        context.Response.ContentType = PrometheusTextFormat;
        await metrics.WriteAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Alive while a pass has started within <see cref="LoopOptions.LivenessWindow"/> (counting from start-up before the first).</summary>
    public Task HealthzAsync(HttpContext context)
    {
        var lastStart = status.Snapshot.LastPassStartedAt ?? status.StartedAt;
        var alive = time.GetUtcNow() - lastStart <= loop.LivenessWindow;
        return PlainAsync(context, alive ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            alive ? "ok" : $"no pass started since {lastStart:O}");
    }

    /// <summary>Ready once live state has been observed at least once.</summary>
    public Task ReadyzAsync(HttpContext context)
    {
        var ready = status.Snapshot.Ready;
        return PlainAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            ready ? "ok" : "live state not observed yet");
    }

    public async Task StatusAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, status.Snapshot, StatusJsonContext.Default.StatusSnapshot, context.RequestAborted);
    }

    public Task ReconcileAsync(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!token.Accepts(context.Request.Headers.Authorization))
        {
            Log.ReconcileRefused(logger, remote);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return PlainAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer token is required");
        }

        Log.ReconcileRequested(logger, remote);
        trigger.Request();
        return PlainAsync(context, StatusCodes.Status202Accepted, "pass requested");
    }

    private static OperatorEndpoints Handler(HttpContext context) =>
        context.RequestServices.GetRequiredService<OperatorEndpoints>();

    private static Task PlainAsync(HttpContext context, int statusCode, string body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(body + "\n", context.RequestAborted);
    }
}
