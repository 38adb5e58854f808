using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// Serves every simulated service's health endpoint over real HTTP, from one Kestrel: each service listens on its
/// container's loopback address (127.0.2.x, which Linux lets any process bind) and a port the OS picks, so nothing
/// collides with real services or needs privileges. Where the OS refuses the container's address (macOS binds only
/// 127.0.0.1), the service listens on 127.0.0.1 instead. Either way <see cref="SimulatedService.Endpoint"/> says
/// where it really answers, and that is what the operator checks.
/// </summary>
internal sealed class SimulatedServiceHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulatedServiceHost(WebApplication app) => this.app = app;

    /// <param name="services">Each service with the address its container has in the desired state, or null for 127.0.0.1.</param>
    public static async Task<SimulatedServiceHost> StartAsync(IReadOnlyList<(SimulatedService Service, string? Address)> services, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        var listeners = new List<(SimulatedService Service, ListenOptions Listen)>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            foreach (var (service, address) in services)
            {
                kestrel.Listen(new IPEndPoint(Bindable(address), 0), listen => listeners.Add((service, listen)));
            }
        });
        var app = builder.Build();
        var byEndpoint = new Dictionary<(string, int), SimulatedService>();
        app.Run(context => AnswerAsync(context, byEndpoint));
        await app.StartAsync(cancellationToken);

        // Kestrel writes the port it bound back into each listen option.
        foreach (var (service, listen) in listeners)
        {
            var bound = listen.IPEndPoint!;
            service.Endpoint = new ServiceEndpoint(bound.Address.ToString(), bound.Port);
            byEndpoint[(bound.Address.ToString(), bound.Port)] = service;
        }

        return new SimulatedServiceHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static Task AnswerAsync(HttpContext context, Dictionary<(string, int), SimulatedService> byEndpoint)
    {
        var local = (context.Connection.LocalIpAddress?.MapToIPv4().ToString() ?? "", context.Connection.LocalPort);
        if (!byEndpoint.TryGetValue(local, out var service))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        if (!service.Answers())
        {
            // A stopped or destroyed container: the connection drops, as it would with nothing listening.
            context.Abort();
            return Task.CompletedTask;
        }

        if (context.Request.Path != service.HealthPath)
        {
            if (service.OtherPaths is { } other)
            {
                return other(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var (status, body) = service.HealthAnswer();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The container's address when this OS lets a process bind it, else 127.0.0.1.</summary>
    private static IPAddress Bindable(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip) || !IPAddress.IsLoopback(ip))
        {
            return IPAddress.Loopback;
        }

        try
        {
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(ip, 0));
            return ip;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }
}
