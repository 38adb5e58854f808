using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation;

internal static partial class Log
{
    private static readonly Func<ILogger, string, IDisposable?> UnitScope =
        LoggerMessage.DefineScope<string>("Unit {Unit}");

    /// <summary>Opens the scope every log line about one unit carries, with its <c>Unit</c> (such as <c>Container/backend</c>).</summary>
    public static IDisposable? BeginUnit(ILogger logger, UnitKey unit) => UnitScope(logger, unit.ToString());

    [LoggerMessage(3000, LogLevel.Debug, "{Unit} matches the desired state; next check in {NextCheckSeconds} s")]
    public static partial void UnitDone(ILogger logger, string unit, double nextCheckSeconds);

    [LoggerMessage(3001, LogLevel.Information, "{Unit} waits: {Reason}; next check in {NextCheckSeconds} s")]
    public static partial void UnitWaiting(ILogger logger, string unit, string reason, double nextCheckSeconds);

    [LoggerMessage(3002, LogLevel.Warning, "{Unit} failed in phase {Phase} ({ConsecutiveFailures} in a row): {Message}; retry in {NextCheckSeconds} s")]
    public static partial void UnitFailed(ILogger logger, string unit, string phase, int consecutiveFailures, string message, double nextCheckSeconds);

    [LoggerMessage(3003, LogLevel.Error, "{Unit} is stalled in phase {Phase}: {Message}; it is retried only once its desired state changes")]
    public static partial void UnitStalled(ILogger logger, string unit, string phase, string message);

    [LoggerMessage(3010, LogLevel.Information, "{Unit}: {Action} on node {Node}, VM {VmId}")]
    public static partial void ActionStarting(ILogger logger, string unit, string action, string node, string vmId);

    [LoggerMessage(3011, LogLevel.Information, "{Unit}: {Action} on node {Node}, VM {VmId} {Result} in {DurationSeconds} s")]
    public static partial void ActionFinished(ILogger logger, string unit, string action, string node, string vmId, string result, double durationSeconds);

    [LoggerMessage(3012, LogLevel.Error, "{Unit}: {Action} on node {Node}, VM {VmId} threw after {DurationSeconds} s")]
    public static partial void ActionThrew(ILogger logger, Exception exception, string unit, string action, string node, string vmId, double durationSeconds);
}
