using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Analysis;

internal static partial class Log
{
    [LoggerMessage(6100, LogLevel.Information, "Analysis of {Service} canary {Canary}: {Verdict}: {Summary}")]
    public static partial void Analysed(ILogger logger, string service, string canary, string verdict, string summary);
}
