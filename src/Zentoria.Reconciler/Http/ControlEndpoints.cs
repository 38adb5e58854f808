using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Http;

/// <summary>
/// The run-time controls, each behind the bearer token and audited with the token's name: <c>POST /approve/{id}</c>,
/// <c>POST /suspend[/{kind}/{name}]</c>, <c>POST /resume[/{kind}/{name}]</c>, <c>POST /override?for=2h</c> and
/// <c>DELETE /override</c>. Each change starts a pass at once, so status shows its effect within seconds.
/// </summary>
/// <remarks>404 for all of them while no reconcile pass is wired in (there is nothing to control).</remarks>
internal static class ControlEndpoints
{
    /// <summary>The longest window override one request may ask for.</summary>
    public static readonly TimeSpan MaxOverride = TimeSpan.FromDays(7);

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/approve/{id}", (HttpContext c, string id) => RunAsync(c, "approve", id, (ctx, store) => Approve(ctx, store, id)));
        routes.MapPost("/suspend", (HttpContext c) => RunAsync(c, "suspend", "*", (ctx, store) => Suspend(ctx, store, null, suspend: true)));
        routes.MapPost("/suspend/{kind}/{name}", (HttpContext c, string kind, string name) => RunAsync(c, "suspend", $"{kind}/{name}", (ctx, store) => Suspend(ctx, store, $"{kind}/{name}", suspend: true)));
        routes.MapPost("/resume", (HttpContext c) => RunAsync(c, "resume", "*", (ctx, store) => Suspend(ctx, store, null, suspend: false)));
        routes.MapPost("/resume/{kind}/{name}", (HttpContext c, string kind, string name) => RunAsync(c, "resume", $"{kind}/{name}", (ctx, store) => Suspend(ctx, store, $"{kind}/{name}", suspend: false)));
        routes.MapPost("/override", (HttpContext c) => RunAsync(c, "override-windows", "*", Override));
        routes.MapDelete("/override", (HttpContext c) => RunAsync(c, "clear-override", "*", ClearOverride));
    }

    private static async Task RunAsync(HttpContext context, string action, string target, Func<Request, ControlStore, (int Status, string Body, bool Changed)> act)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ControlEndpoints).FullName!);
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (services.GetService<ControlStore>() is not { } store)
        {
            await PlainAsync(context, StatusCodes.Status404NotFound, "no reconcile pass is running, so there is nothing to control");
            return;
        }

        var token = services.GetRequiredService<ReconcileToken>();
        if (!token.Accepts(context.Request.Headers.Authorization))
        {
            Log.ControlRefused(logger, action, remote);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await PlainAsync(context, StatusCodes.Status401Unauthorized, "a valid bearer token is required");
            return;
        }

        var status = services.GetRequiredService<StatusStore>();
        var time = services.GetRequiredService<TimeProvider>();
        var (code, body, changed) = act(new Request(context, token.Name, status.Snapshot.Revision, status, time.GetUtcNow()), store);
        Log.ControlRequested(logger, action, target, token.Name, remote, code);
        if (changed)
        {
            services.GetService<PassControl>()?.Publish();
            services.GetRequiredService<ReconcileTrigger>().Request();
        }

        await PlainAsync(context, code, body);
    }

    private static (int, string, bool) Approve(Request request, ControlStore store, string id) => store.Approve(id, request.Actor) switch
    {
        ApprovalResult.Approved => (StatusCodes.Status202Accepted, $"plan {id} approved by {request.Actor}; a pass starts now", true),
        ApprovalResult.AlreadyApproved => (StatusCodes.Status200OK, $"plan {id} was approved already", false),
        _ => (StatusCodes.Status404NotFound, store.Pending is { } pending
            ? $"no plan {id} waits for approval; the pending plan is {pending.PlanId} (revision {pending.Revision})"
            : $"no plan {id} waits for approval; nothing is pending (a new revision replaces the plan it would approve)", false),
    };

    /// <param name="unit">Such as <c>Container/backend</c>; null for everything.</param>
    private static (int, string, bool) Suspend(Request request, ControlStore store, string? unit, bool suspend)
    {
        if (unit is not null && Unit(unit) is not { } key)
        {
            return (StatusCodes.Status404NotFound, $"{unit} is not a unit: use Kind/name, such as Container/backend, with a kind of {string.Join(", ", Enum.GetNames<UnitKind>())}", false);
        }

        if (unit is not null && request.Status.Find(Unit(unit)!.Value) is null)
        {
            return (StatusCodes.Status404NotFound, $"the desired state (revision {request.Revision ?? "none"}) has no unit {unit}", false);
        }

        var target = unit is null ? null : Unit(unit)!.Value.ToString();
        var what = target ?? "everything";
        if (suspend)
        {
            return store.Suspend(target, request.Actor, request.Revision)
                ? (StatusCodes.Status200OK, $"{what} suspended by {request.Actor}", true)
                : (StatusCodes.Status200OK, $"{what} was suspended already", false);
        }

        return store.Resume(target, request.Actor, request.Revision)
            ? (StatusCodes.Status200OK, $"{what} resumed by {request.Actor}; a pass starts now", true)
            : (StatusCodes.Status404NotFound, $"{what} was not suspended at run time (a suspension in the desired state is lifted there)", false);
    }

    private static (int, string, bool) Override(Request request, ControlStore store)
    {
        var text = request.Context.Request.Query["for"].FirstOrDefault() ?? "1h";
        if (!Cli.Durations.TryParse(text, out var duration) || duration > MaxOverride)
        {
            return (StatusCodes.Status400BadRequest, $"'for={text}' is not a duration up to 7 days, such as 90m or 2h", false);
        }

        var until = request.Now + duration;
        store.OverrideWindows(until, request.Actor, request.Revision);
        return (StatusCodes.Status200OK, $"deployment windows overridden by {request.Actor} until {until.ToUniversalTime():yyyy-MM-dd HH:mm}Z; a pass starts now", true);
    }

    private static (int, string, bool) ClearOverride(Request request, ControlStore store) =>
        store.ClearOverride(request.Actor, request.Revision)
            ? (StatusCodes.Status200OK, $"window override cleared by {request.Actor}", true)
            : (StatusCodes.Status200OK, "no window override was set", false);

    /// <summary>Reads <c>Kind/name</c> with the kind in any case, so <c>container/backend</c> works too.</summary>
    private static UnitKey? Unit(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Enum.TryParse<UnitKind>(text[..slash], ignoreCase: true, out var kind) && Enum.IsDefined(kind) && slash < text.Length - 1
            ? new UnitKey(kind, text[(slash + 1)..])
            : null;
    }

    /// <summary>A plain-text answer that no cache keeps; the form every control route answers in, and refuses in.</summary>
    internal static Task PlainAsync(HttpContext context, int statusCode, string body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(body + "\n", context.RequestAborted);
    }

    private sealed record Request(HttpContext Context, string Actor, string? Revision, StatusStore Status, DateTimeOffset Now);
}
