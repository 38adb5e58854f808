using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Guests.Health;

internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Debug, "{Target} is healthy at attempt {Attempt}: {Detail}")]
    public static partial void Healthy(ILogger logger, string target, int attempt, string detail);

    [LoggerMessage(5101, LogLevel.Information, "{Target} failed health attempt {Attempt} of {Attempts}: {Detail}")]
    public static partial void AttemptFailed(ILogger logger, string target, int attempt, int attempts, string detail);
}
