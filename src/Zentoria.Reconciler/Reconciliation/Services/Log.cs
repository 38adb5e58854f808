using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation.Services;

internal static partial class Log
{
    [LoggerMessage(3200, LogLevel.Information, "Service {Service}: installing {Version} in {Container}")]
    public static partial void Installing(ILogger logger, string service, string version, string container);

    [LoggerMessage(3201, LogLevel.Information, "Service {Service}: {Version} is deployed and healthy (was {Previous})")]
    public static partial void Deployed(ILogger logger, string service, string version, string previous);

    [LoggerMessage(3202, LogLevel.Warning, "Service {Service}: {Version} failed; rolling back: {Reason}")]
    public static partial void DeployFailed(ILogger logger, string service, string version, string reason);

    [LoggerMessage(3203, LogLevel.Warning, "Service {Service}: rolled the container back to snapshot {Snapshot}")]
    public static partial void SnapshotRestored(ILogger logger, string service, string snapshot);

    [LoggerMessage(3204, LogLevel.Error, "Service {Service}: the rollout of {Version} {Outcome}: {Reason}")]
    public static partial void RolloutConcluded(ILogger logger, string service, string version, string outcome, string reason);

    [LoggerMessage(3205, LogLevel.Warning, "{Unit}: could not delete old snapshots of CT {VmId}: {Message}")]
    public static partial void SnapshotPruneFailed(ILogger logger, string unit, int vmId, string message);

    [LoggerMessage(3206, LogLevel.Warning, "Service {Service}: strategy {Strategy} cannot run here (no clone address, or the clone answers where the original does); deploying {Version} in place (Rolling)")]
    public static partial void StrategyNotImplemented(ILogger logger, string service, string strategy, string version);

    [LoggerMessage(3207, LogLevel.Warning, "Service {Service}: resuming the rollout of {Version} a previous run left in phase {Phase}")]
    public static partial void Resuming(ILogger logger, string service, string version, string phase);

    [LoggerMessage(3208, LogLevel.Warning, "Service {Service}: retry requested from {Remote}; forgot the failed deployment: {Forgot}")]
    public static partial void RetryRequested(ILogger logger, string service, string remote, bool forgot);

    [LoggerMessage(3209, LogLevel.Warning, "Retry refused from {Remote}: no valid bearer token")]
    public static partial void RetryRefused(ILogger logger, string remote);
}
