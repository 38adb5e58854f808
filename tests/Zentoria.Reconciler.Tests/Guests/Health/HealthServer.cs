using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Tests.Guests.Health;

/// <summary>A real Kestrel on 127.0.0.1 serving <c>/health</c> like the seed's services; its answers are set per test.</summary>
internal sealed class HealthServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    private HealthServer(WebApplication app) => this.app = app;

    /// <summary>The answer to request number n (1-based): status code and body; null never answers.</summary>
    public Func<int, (int Status, string Body)?> Answer { get; set; } = _ => (200, """{"status":"ok","version":"1.0.0"}""");

    public int Requests => Volatile.Read(ref requests);

    public int Port { get; private set; }

    public static async Task<HealthServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new HealthServer(app);
        app.MapGet("/health", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Port = new Uri(address).Port;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref requests);
        if (Answer(number) is not var (status, body))
        {
            // Hold the request until the client gives up.
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
