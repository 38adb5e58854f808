using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Proxmox;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning,
        Message = "TLS certificate verification is DISABLED for Proxmox at {Endpoint}: anyone on the path can impersonate the server and capture the credentials")]
    public static partial void CertificateVerificationDisabled(this ILogger logger, string endpoint);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Proxmox at {Endpoint} is trusted by certificate fingerprint {Fingerprint} only")]
    public static partial void CertificatePinned(this ILogger logger, string endpoint, string fingerprint);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Proxmox call {Method} {Route} failed ({ErrorKind}); retry {Attempt} in {Delay}")]
    public static partial void RetryingRequest(this ILogger logger, string method, string route, string errorKind, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug,
        Message = "Logged in to Proxmox as {User}; the ticket is renewed before it is two hours old")]
    public static partial void LoggedIn(this ILogger logger, string user);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug,
        Message = "Waiting for Proxmox task {Upid}")]
    public static partial void WaitingForTask(this ILogger logger, string upid);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning,
        Message = "Proxmox {TaskType} of {VmId} on {Node} lost its answer ({ErrorKind}); checking whether it happened")]
    public static partial void CheckingAmbiguousCreate(this ILogger logger, string taskType, int vmId, string node, string errorKind);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information,
        Message = "Proxmox {TaskType} of {VmId} on {Node} had not happened; sending it again")]
    public static partial void ResendingCreate(this ILogger logger, string taskType, int vmId, string node);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning,
        Message = "Polling Proxmox task {Upid} failed ({ErrorKind}); still waiting until the deadline")]
    public static partial void TaskPollFailed(this ILogger logger, string upid, string errorKind);
}
