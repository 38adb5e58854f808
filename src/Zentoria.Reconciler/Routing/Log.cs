using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Routing;

internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Upstream {Upstream} of {Service}: wrote {File} on {Proxy} and reloaded NGINX: {Routing}")]
    public static partial void UpstreamWritten(ILogger logger, string upstream, string service, string file, string proxy, string routing);

    [LoggerMessage(6001, LogLevel.Error, "Upstream file {File} on {Proxy} has no marker line; it is not the operator's and was left alone")]
    public static partial void UpstreamNotOwned(ILogger logger, string file, string proxy);

    [LoggerMessage(6002, LogLevel.Warning, "Upstream {Upstream} of {Service}: {Step} failed on {Proxy} ({Detail}); the previous {File} is back and traffic is unchanged")]
    public static partial void UpstreamRolledBack(ILogger logger, string upstream, string service, string step, string proxy, string detail, string file);

    [LoggerMessage(6003, LogLevel.Critical, "Upstream {Upstream} of {Service}: {Step} failed on {Proxy} and {File} could not be put back ({Detail}); the file is not what NGINX runs")]
    public static partial void UpstreamRestoreFailed(ILogger logger, string upstream, string service, string step, string proxy, string file, string detail);
}
