using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation.Services.Migrations;

internal static partial class Log
{
    [LoggerMessage(3300, LogLevel.Information, "Service {Service}: migrations for {Version} already succeeded at {SucceededAt}; not run again")]
    public static partial void AlreadyMigrated(ILogger logger, string service, string version, DateTimeOffset succeededAt);

    [LoggerMessage(3301, LogLevel.Information, "Service {Service}: taking {Backup} before the migrations for {Version}")]
    public static partial void BackingUp(ILogger logger, string service, string version, string backup);

    [LoggerMessage(3302, LogLevel.Warning, "Service {Service}: no backup before the migrations for {Version}, so they were not run: {Reason}")]
    public static partial void BackupFailed(ILogger logger, string service, string version, string reason);

    [LoggerMessage(3303, LogLevel.Information, "Service {Service}: migrations for {Version} succeeded after {Backup}")]
    public static partial void Migrated(ILogger logger, string service, string version, string backup);

    [LoggerMessage(3304, LogLevel.Error, "Service {Service}: migrations for {Version} failed ({Reason}); backup restored: {Restored}")]
    public static partial void MigrationFailed(ILogger logger, string service, string version, string reason, bool restored);
}
