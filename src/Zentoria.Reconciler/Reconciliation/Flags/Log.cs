using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Reconciliation.Flags;

internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Information, "Flag set {FlagSet}: wrote {File} in {Container} from revision {Revision}")]
    public static partial void FlagsWritten(ILogger logger, string flagSet, string file, string container, string revision);

    [LoggerMessage(3110, LogLevel.Information, "Flag set {FlagSet}: {Message}")]
    public static partial void FlagRaised(ILogger logger, string flagSet, string message);

    [LoggerMessage(3111, LogLevel.Warning, "Flag set {FlagSet}: {Message}")]
    public static partial void FlagRolledBack(ILogger logger, string flagSet, string message);
}
