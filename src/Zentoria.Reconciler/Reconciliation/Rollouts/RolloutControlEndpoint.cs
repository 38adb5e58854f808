using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Zentoria.Reconciler.Http;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// <c>POST /promote/{service}</c> and <c>POST /abort/{service}</c>: the HTTP side of <c>promote</c> and <c>abort</c>.
/// Behind the same bearer token as <c>POST /reconcile</c> (401 without it); 202 with a JSON body when recorded, 404 for
/// a service the desired state does not have (or while the operator does not manage services), 409 when the service
/// is Rolling or has no release under way. Refusals are plain text, as for <c>retry</c>.
/// </summary>
internal static class RolloutControlEndpoint
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/promote/{service}", (HttpContext c, string service) => HandleAsync(c, service, RolloutRequestKind.Promote));
        routes.MapPost("/abort/{service}", (HttpContext c, string service) => HandleAsync(c, service, RolloutRequestKind.Abort));
    }

    private static Task HandleAsync(HttpContext context, string service, RolloutRequestKind kind)
    {
        var services = context.RequestServices;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var token = services.GetRequiredService<ReconcileToken>();
        if (!token.Accepts(context.Request.Headers.Authorization))
        {
            Log.RolloutRequestRefused(services.GetRequiredService<ILogger<RolloutControl>>(), RolloutControl.ActionName(kind), remote);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return ControlEndpoints.PlainAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer token is required");
        }

        if (services.GetService<RolloutControl>() is not { } control)
        {
            return ControlEndpoints.PlainAsync(context, StatusCodes.Status404NotFound, "this operator does not manage services (no guest access is configured)");
        }

        var answer = control.Ask(service, kind, token.Name);
        return answer switch
        {
            { Outcome: RolloutControlOutcome.Accepted, Request: { } request, Rollout: { } rollout } => AcceptedAsync(context,
                new RolloutRequestAccepted(request.Service, RolloutControl.ActionName(kind), request.Actor, request.At, rollout.Strategy, rollout.Phase, rollout.Version, answer.Message)),
            { Outcome: RolloutControlOutcome.UnknownService } => ControlEndpoints.PlainAsync(context, StatusCodes.Status404NotFound, answer.Message),
            _ => ControlEndpoints.PlainAsync(context, StatusCodes.Status409Conflict, answer.Message),
        };
    }

    private static async Task AcceptedAsync(HttpContext context, RolloutRequestAccepted body)
    {
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, RolloutsJsonContext.Default.RolloutRequestAccepted, context.RequestAborted);
    }
}
