using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Http;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Pass requested over HTTP from {RemoteAddress}")]
    public static partial void ReconcileRequested(ILogger logger, string remoteAddress);

    // The header is never logged, not even in part: a near-miss token is still most of a token.
    [LoggerMessage(2001, LogLevel.Warning, "Refused POST /reconcile from {RemoteAddress}: missing or wrong bearer token")]
    public static partial void ReconcileRefused(ILogger logger, string remoteAddress);
}
