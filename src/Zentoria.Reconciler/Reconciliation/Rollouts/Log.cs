using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

internal static partial class Log
{
    [LoggerMessage(3260, LogLevel.Information, "Service {Service}: blue/green {Step} ({Phase}): {Reason}")]
    public static partial void BlueGreenStepTaken(ILogger logger, string service, string step, string phase, string reason);

    [LoggerMessage(3261, LogLevel.Warning, "Service {Service}: blue/green release of {Version} fails: {Reason}")]
    public static partial void BlueGreenFails(ILogger logger, string service, string version, string reason);

    [LoggerMessage(3262, LogLevel.Information, "Service {Service}: canary {Step} ({Phase}): {Reason}")]
    public static partial void CanaryStepTaken(ILogger logger, string service, string step, string phase, string reason);

    [LoggerMessage(3263, LogLevel.Warning, "Service {Service}: canary release of {Version} fails: {Reason}")]
    public static partial void CanaryFails(ILogger logger, string service, string version, string reason);

    [LoggerMessage(3270, LogLevel.Warning, "Service {Service}: {Request} requested by {Actor} for the release of {Version} ({Phase})")]
    public static partial void RolloutRequested(ILogger logger, string service, string request, string actor, string version, string phase);

    [LoggerMessage(3271, LogLevel.Warning, "{Request} refused from {Remote}: no valid bearer token")]
    public static partial void RolloutRequestRefused(ILogger logger, string request, string remote);
}
