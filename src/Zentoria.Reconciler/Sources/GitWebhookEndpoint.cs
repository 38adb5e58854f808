using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Zentoria.Reconciler.Sources;

/// <summary>Maps <c>POST /webhook/git</c> onto <see cref="GitWebhookHandler"/>; 404 while no git source is configured.</summary>
internal static class GitWebhookEndpoint
{
    public const string Route = "/webhook/git";

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost(Route, HandleAsync);

    private static async Task HandleAsync(HttpContext context)
    {
        var handler = context.RequestServices.GetService<GitWebhookHandler>();
        if (handler is null)
        {
            await WriteAsync(context, StatusCodes.Status404NotFound, "no git source is configured");
            return;
        }

        var limit = context.RequestServices.GetService<WebhookOptions>()?.MaxBodyBytes ?? new WebhookOptions().MaxBodyBytes;
        if (await ReadBoundedAsync(context.Request.Body, limit, context.RequestAborted) is not { } body)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "the body is too large");
            return;
        }

        var request = context.Request.Headers;
        var eventName = request["X-GitHub-Event"].FirstOrDefault() ?? request["X-Gitea-Event"].FirstOrDefault();
        var outcome = handler.Handle(body, request[GitWebhookHandler.SignatureHeader].FirstOrDefault(), eventName,
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        await WriteAsync(context, outcome.StatusCode, outcome.Message);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext context, int statusCode, string text)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return context.Response.WriteAsync(text + "\n", context.RequestAborted);
    }
}
