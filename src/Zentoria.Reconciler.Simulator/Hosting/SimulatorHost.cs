using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Hosting;

/// <summary>Kestrel on one loopback endpoint, HTTP/1.1 only (PVE speaks nothing else, and reason phrases need it).</summary>
internal static class SimulatorHost
{
    /// <summary>How long pveproxy keeps a connection that sends nothing.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(5);

    public static WebApplication Build(IPAddress address, int port, X509Certificate2? certificate, RequestPipeline pipeline)
    {
        // The empty builder with Kestrel's core: no appsettings.json watcher, console logger, routing or HTTP/3 to
        // load, which the sandbox (operator and simulator in one process) pays for in resident memory.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        // A request is answered where its bytes arrived, with no hand-off to the thread pool: every handler is short and
        // never blocks (the latency is a timer), much as one pveproxy worker serves its connections from one event loop.
        // With the process's socket continuations inline too, a zero-drift pass at 10,000 containers takes about 5 % less
        // wall time and the simulator 10 % less CPU (docs/benchmarks.md, "sixth session").
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            // pveproxy's connections time out after 5 s without a byte either way (AnyEvent::Handle's default in
            // PVE::APIServer::AnyEvent, which pveproxy keeps): an idle keep-alive connection is closed, and so is a
            // request whose header stalls.
            kestrel.Limits.KeepAliveTimeout = IdleTimeout;
            kestrel.Limits.RequestHeadersTimeout = IdleTimeout;
            kestrel.Listen(address, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        return app;
    }
}
