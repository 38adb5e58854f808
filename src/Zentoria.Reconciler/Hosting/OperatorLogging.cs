using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Zentoria.Reconciler.Hosting;

/// <summary>The composition root's Serilog set-up; everything else logs through <c>ILogger</c>.</summary>
internal static class OperatorLogging
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <remarks>
    /// Every level goes to stderr: stdout is for data (<c>--json</c> output), which a log line must never corrupt.
    /// </remarks>
    public static Serilog.ILogger CreateLogger(LogFormat format)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext();
        configuration = format == LogFormat.Json
            ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            : configuration.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: CultureInfo.InvariantCulture, standardErrorFromLevel: LogEventLevel.Verbose);
        return configuration.CreateLogger();
    }
}
