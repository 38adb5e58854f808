using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Sources;

internal static partial class Log
{
    // The arguments never carry a credential (those travel in the environment); redacted all the same.
    [LoggerMessage(7000, LogLevel.Debug, "Running git {Arguments}")]
    public static partial void GitCommand(ILogger logger, string arguments);

    [LoggerMessage(7001, LogLevel.Information, "Fetched {Source} at revision {Revision}")]
    public static partial void Fetched(ILogger logger, string source, string revision);

    [LoggerMessage(7002, LogLevel.Warning, "Fetching {Source} failed ({Kind}): {Message}")]
    public static partial void FetchFailed(ILogger logger, string source, SourceFailureKind kind, string message);

    [LoggerMessage(7003, LogLevel.Warning, "Refused a git webhook from {RemoteAddress}: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string remoteAddress, string reason);

    [LoggerMessage(7004, LogLevel.Information, "Git webhook from {RemoteAddress} for {Reference} at {After}: fetch requested")]
    public static partial void WebhookAccepted(ILogger logger, string remoteAddress, string reference, string after);

    [LoggerMessage(7005, LogLevel.Information, "Git webhook from {RemoteAddress} ignored: {Reason}")]
    public static partial void WebhookIgnored(ILogger logger, string remoteAddress, string reason);

    [LoggerMessage(7006, LogLevel.Warning, "Revision {Revision} was rejected with {ErrorCount} validation errors; the last valid revision stays in force")]
    public static partial void RevisionRejected(ILogger logger, string revision, int errorCount);

    [LoggerMessage(7007, LogLevel.Error, "Fetching and loading the desired state failed unexpectedly")]
    public static partial void TickFailed(ILogger logger, Exception exception);

    [LoggerMessage(7008, LogLevel.Warning, "The source cannot be fetched; enforcing revision {Revision}, the one in force before the restart")]
    public static partial void Recalled(ILogger logger, string revision);
}
