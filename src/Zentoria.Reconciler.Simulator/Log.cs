using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Simulator;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Proxmox simulator listening on {BaseUrl} as PVE {Release}")]
    public static partial void Listening(ILogger logger, Uri baseUrl, string release);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Route} answered {StatusCode}")]
    public static partial void Answered(ILogger logger, string method, string route, int statusCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Injected fault {Kind} on {Route}")]
    public static partial void FaultInjected(ILogger logger, string kind, string route);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Simulator handler for {Route} failed")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string route);
}
