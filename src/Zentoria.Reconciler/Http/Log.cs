using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Http;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Pass requested over HTTP from {RemoteAddress}")]
    public static partial void ReconcileRequested(ILogger logger, string remoteAddress);

    // The header is never logged, not even in part: a near-miss token is still most of a token.
    [LoggerMessage(2001, LogLevel.Warning, "Refused POST /reconcile from {RemoteAddress}: missing or wrong bearer token")]
    public static partial void ReconcileRefused(ILogger logger, string remoteAddress);

    [LoggerMessage(2002, LogLevel.Warning, "Refused {Action} from {RemoteAddress}: missing or wrong bearer token")]
    public static partial void ControlRefused(ILogger logger, string action, string remoteAddress);

    [LoggerMessage(2003, LogLevel.Information, "{Action} {Target} asked by {Actor} from {RemoteAddress}: {StatusCode}")]
    public static partial void ControlRequested(ILogger logger, string action, string target, string actor, string remoteAddress, int statusCode);
}
