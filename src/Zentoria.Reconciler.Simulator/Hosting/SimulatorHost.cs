using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Simulator.Http;

namespace Zentoria.Reconciler.Simulator.Hosting;

/// <summary>Kestrel on one loopback endpoint, HTTP/1.1 only (PVE speaks nothing else, and reason phrases need it).</summary>
internal static class SimulatorHost
{
    public static WebApplication Build(IPAddress address, int port, X509Certificate2? certificate, RequestPipeline pipeline)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
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
