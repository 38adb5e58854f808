namespace Zentoria.Reconciler.Guests;

/// <summary>How a command ended. A non-zero <see cref="ExitCode"/> is an ordinary result.</summary>
/// <param name="ExitCode">The exit status, or null when there was none (killed by a signal, or cut by the timeout).</param>
/// <param name="Truncated">Stdout or stderr went past the capture limit; the rest was read and discarded.</param>
/// <param name="TimedOut">The timeout cut the command; it was sent a signal and the connection stays usable.</param>
internal sealed record GuestCommandResult(int? ExitCode, string Stdout, string Stderr, bool Truncated, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;
}
