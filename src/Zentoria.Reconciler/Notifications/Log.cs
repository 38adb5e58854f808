using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Notifications;

internal static partial class Log
{
    // Targets are named by position and host only: a webhook URL is often its own credential.
    [LoggerMessage(8000, LogLevel.Information, "Notification {Kind} for {Subject} at revision {Revision} queued")]
    public static partial void Queued(ILogger logger, NotificationKind kind, string subject, string revision);

    [LoggerMessage(8001, LogLevel.Debug, "Notification {Kind} for {Subject} at revision {Revision} was sent before; not again")]
    public static partial void Duplicate(ILogger logger, NotificationKind kind, string subject, string revision);

    [LoggerMessage(8002, LogLevel.Warning, "Notification target {Target} answered {StatusCode}")]
    public static partial void SendRefused(ILogger logger, string target, int statusCode);

    [LoggerMessage(8003, LogLevel.Warning, "Notification target {Target} could not be reached ({Failure})")]
    public static partial void SendFailed(ILogger logger, string target, string failure);

    [LoggerMessage(8004, LogLevel.Information, "Notification {Kind} for {Subject} delivered to every target after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, NotificationKind kind, string subject, int attempts);

    [LoggerMessage(8005, LogLevel.Information, "Notification {Kind} for {Subject}: attempt {Attempts} left {Missing} target(s) to retry in {RetrySeconds} s")]
    public static partial void Retrying(ILogger logger, NotificationKind kind, string subject, int attempts, int missing, double retrySeconds);

    [LoggerMessage(8006, LogLevel.Error, "Notification {Kind} for {Subject} at revision {Revision} given up after {Attempts} attempts; {Missing} target(s) never received it")]
    public static partial void GaveUp(ILogger logger, NotificationKind kind, string subject, string revision, int attempts, int missing);

    [LoggerMessage(8007, LogLevel.Error, "Delivering notifications failed unexpectedly")]
    public static partial void DeliveryThrew(ILogger logger, Exception exception);
}
