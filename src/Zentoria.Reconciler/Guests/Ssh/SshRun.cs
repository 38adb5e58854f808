using System.Text;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>What one exec channel produced, as bytes (file reads in <c>pct</c> mode need them raw).</summary>
internal sealed record SshRun(int? ExitCode, BoundedCapture Stdout, BoundedCapture Stderr, bool TimedOut)
{
    public GuestCommandResult ToResult() => new(
        ExitCode,
        Encoding.UTF8.GetString(Stdout.Bytes),
        Encoding.UTF8.GetString(Stderr.Bytes),
        Stdout.Truncated || Stderr.Truncated,
        TimedOut);
}
