using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Zentoria.Reconciler.Http;

namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>
/// <c>POST /retry/{service}</c>: the HTTP side of <c>retry &lt;service&gt;</c>. Requires the same bearer token as
/// <c>POST /reconcile</c> (401 without it); 202 when accepted, 404 for a service the desired state does not have or
/// while the operator does not manage services.
/// </summary>
internal static class RetryEndpoint
{
    public const string Route = "/retry/{service}";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Route, HandleAsync);

    private static Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!services.GetRequiredService<ReconcileToken>().Accepts(context.Request.Headers.Authorization))
        {
            Log.RetryRefused(services.GetRequiredService<ILogger<ServiceRetry>>(), remote);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return WriteAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer token is required");
        }

        var service = context.Request.RouteValues["service"] as string ?? "";
        if (services.GetService<ServiceRetry>() is not { } retry)
        {
            return WriteAsync(context, StatusCodes.Status404NotFound, "this operator does not manage services (no guest access is configured)");
        }

        return retry.Retry(service, remote) == RetryOutcome.Accepted
            ? WriteAsync(context, StatusCodes.Status202Accepted, $"retrying {service}")
            : WriteAsync(context, StatusCodes.Status404NotFound, $"the desired state has no service named '{service}'");
    }

    private static Task WriteAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
