using Microsoft.Extensions.Logging;

namespace Zentoria.Reconciler.Guests.Ssh;

// Key material and passphrases never reach these methods; only paths, hosts and fingerprints do.
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Warning, "Trusted the {KeyType} host key {Fingerprint} of {Host}:{Port} on first use and recorded it in {File}")]
    public static partial void HostKeyRecorded(ILogger logger, string host, int port, string keyType, string fingerprint, string file);

    [LoggerMessage(5001, LogLevel.Error, "{Refusal}")]
    public static partial void HostKeyRefused(ILogger logger, string refusal);

    [LoggerMessage(5002, LogLevel.Debug, "Connected to {Endpoint} in {DurationMilliseconds} ms")]
    public static partial void Connected(ILogger logger, string endpoint, double durationMilliseconds);

    [LoggerMessage(5003, LogLevel.Information, "Connection to {Endpoint} dropped; reconnecting")]
    public static partial void Reconnecting(ILogger logger, string endpoint);

    [LoggerMessage(5004, LogLevel.Warning, "Could not connect to {Endpoint}: {Kind}: {Message}")]
    public static partial void ConnectFailed(ILogger logger, string endpoint, string kind, string message);

    [LoggerMessage(5010, LogLevel.Debug, "On {Target}: exit {ExitCode} after {DurationMilliseconds} ms: {Command}")]
    public static partial void CommandFinished(ILogger logger, string target, int? exitCode, double durationMilliseconds, string command);

    [LoggerMessage(5011, LogLevel.Warning, "On {Target}: cut after the {TimeoutSeconds} s timeout: {Command}")]
    public static partial void CommandTimedOut(ILogger logger, string target, double timeoutSeconds, string command);

    [LoggerMessage(5012, LogLevel.Warning, "On {Target}: output past {MaxOutputBytes} bytes was discarded: {Command}")]
    public static partial void OutputTruncated(ILogger logger, string target, int maxOutputBytes, string command);

    [LoggerMessage(5020, LogLevel.Information, "On {Target}: wrote {Path} ({Length} bytes, mode {Mode})")]
    public static partial void FileWritten(ILogger logger, string target, string path, int length, string mode);

    [LoggerMessage(5021, LogLevel.Debug, "On {Target}: the server has no posix-rename extension; renaming with mv")]
    public static partial void PosixRenameMissing(ILogger logger, string target);
}
