using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Tests.Notifications;

/// <summary>A real Kestrel on 127.0.0.1 that receives notification webhooks on any path and keeps their bodies.</summary>
internal sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<(string Path, string Body, int Status)> received = [];

    private NotificationReceiver(WebApplication app) => this.app = app;

    /// <summary>The status code for request number n (1-based) on a path; 200 unless set.</summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 200;

    /// <summary>Every request on a path, answered or refused.</summary>
    public int Attempts(string path)
    {
        lock (received)
        {
            return received.Count(r => r.Path == path);
        }
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bodies that were answered 2xx, per path, in arrival order.</summary>
    public IReadOnlyList<string> Delivered(string path)
    {
        lock (received)
        {
            return [.. received.Where(r => r.Path == path && r.Status is >= 200 and < 300).Select(r => r.Body)];
        }
    }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new NotificationReceiver(app);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        int status;
        lock (received)
        {
            status = Answer(path, received.Count(r => r.Path == path) + 1);
            received.Add((path, body, status));
        }

        context.Response.StatusCode = status;
    }
}
