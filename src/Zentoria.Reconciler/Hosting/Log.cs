using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Hosting;

internal static partial class Log
{
    private static readonly Func<ILogger, string, IDisposable?> PassScope =
        LoggerMessage.DefineScope<string>("Reconcile {ReconcileId}");

    /// <summary>Opens the scope every log line of one pass carries, with its <c>ReconcileId</c>.</summary>
    public static IDisposable? BeginPass(ILogger logger, string reconcileId) => PassScope(logger, reconcileId);

    [LoggerMessage(1000, LogLevel.Debug, "Pass started")]
    public static partial void PassStarted(ILogger logger);

    [LoggerMessage(1001, LogLevel.Information, "Pass finished: {Outcome}, {UnitsReconciled} units reconciled, {ActionsTaken} actions, in {DurationSeconds} s; next pass in {NextPassSeconds} s")]
    public static partial void PassFinished(ILogger logger, string outcome, int unitsReconciled, int actionsTaken, double durationSeconds, double nextPassSeconds);

    [LoggerMessage(1002, LogLevel.Error, "Pass threw after {DurationSeconds} s ({ConsecutiveFailures} in a row); next pass in {NextPassSeconds} s")]
    public static partial void PassThrew(ILogger logger, Exception exception, double durationSeconds, int consecutiveFailures, double nextPassSeconds);

    [LoggerMessage(1003, LogLevel.Warning, "Shutdown cut the pass short after the {ShutdownTimeoutSeconds} s grace period")]
    public static partial void PassCutShort(ILogger logger, double shutdownTimeoutSeconds);

    [LoggerMessage(1004, LogLevel.Debug, "Nothing to do: no observe, plan or execute is wired into the pass yet")]
    public static partial void NothingToDo(ILogger logger);

    [LoggerMessage(1005, LogLevel.Debug, "Pass requested: starting now")]
    public static partial void Triggered(ILogger logger);

    [LoggerMessage(1010, LogLevel.Critical, "Configuration is invalid: {Errors}")]
    public static partial void InvalidOptions(ILogger logger, string errors);

    [LoggerMessage(1011, LogLevel.Critical, "The operator could not start")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(1012, LogLevel.Critical, "{Service} stopped with an exception; exiting with code {ExitCode}")]
    public static partial void ServiceCrashed(ILogger logger, string service, int exitCode, Exception? exception);

    [LoggerMessage(1013, LogLevel.Information, "Operator for environment {Environment} listening on {Address}; state folder {StateFolder} with {PendingSteps} interrupted steps to resume")]
    public static partial void Started(ILogger logger, string environment, string address, string stateFolder, int pendingSteps);

    [LoggerMessage(1014, LogLevel.Warning, "POST /reconcile is disabled: no token in {TokenSource}")]
    public static partial void ReconcileEndpointDisabled(ILogger logger, string tokenSource);

    [LoggerMessage(1020, LogLevel.Information, "Desired state {Revision} accepted with {Units} units")]
    public static partial void DesiredAccepted(ILogger logger, string revision, int units);

    [LoggerMessage(1021, LogLevel.Error, "Desired state {InvalidRevision} is invalid ({ErrorCount} errors, see status); still enforcing {Revision}")]
    public static partial void DesiredRejected(ILogger logger, string invalidRevision, int errorCount, string revision);

    [LoggerMessage(1022, LogLevel.Warning, "Could not observe Proxmox; nothing is planned this pass: {Error}")]
    public static partial void ObserveFailed(ILogger logger, string error);

    [LoggerMessage(1023, LogLevel.Error, "{Unit} threw; retrying with backoff")]
    public static partial void UnitThrew(ILogger logger, Exception exception, string unit);

    [LoggerMessage(1024, LogLevel.Debug, "A file under {Folder} changed: starting a pass")]
    public static partial void DesiredStateChanged(ILogger logger, string folder);

    [LoggerMessage(1025, LogLevel.Warning, "Not watching {Folder} for changes ({Reason}); changes are picked up on the interval")]
    public static partial void NotWatching(ILogger logger, string folder, string reason);
}
