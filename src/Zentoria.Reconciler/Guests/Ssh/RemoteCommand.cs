using System.Text;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// What goes on the wire for one guest command: the exec request's line and, for long commands, the
/// command line itself on stdin.
/// </summary>
/// <remarks>
/// SSH.NET refuses packets over 68,536 bytes, so an exec request cannot carry a long line. A long line is
/// sent on stdin instead to a short bootstrap, <c>sh -c 'exec "$@" "$(cat)"'</c>, which hands it to
/// <c>sh -c</c> (or <c>pct exec ... -- sh -c</c>) as one argument; Linux caps one argument at 128 KiB
/// (MAX_ARG_STRLEN), which bounds a command line either way.
/// <para>
/// The command runs under the guest's <c>timeout</c> (coreutils or BusyBox), set a few seconds past the
/// operator's own timeout: OpenSSH ignores the signal SSH.NET sends on cancellation, and without a terminal
/// closing the channel signals nothing, so without it a cut command would keep running in the guest.
/// coreutils' <c>timeout</c> signals the whole process group, TERM first and KILL <see cref="KillAfterSeconds"/> later.
/// </para>
/// </remarks>
internal sealed record RemoteCommand(string Line, ReadOnlyMemory<byte>? Stdin)
{
    /// <summary>Longest line sent in the exec request itself, well under SSH.NET's packet limit.</summary>
    public const int MaxExecRequestBytes = 32 * 1024;

    /// <summary>Longest command line a shell can receive as its one <c>-c</c> argument, without the terminating NUL.</summary>
    public const int MaxArgumentBytes = (128 * 1024) - 1;

    private const string Bootstrap = "exec \"$@\" \"$(cat)\"";

    private const string NoInput = "exec </dev/null; ";

    /// <summary>How long after the operator gives up the guest's <c>timeout</c> sends TERM, and after that KILL.</summary>
    private const int KillAfterSeconds = 5;

    /// <param name="timeout">The operator's timeout; the guest's own is this plus <see cref="KillAfterSeconds"/>, none when infinite.</param>
    public static GuestOutcome<RemoteCommand> For(GuestTarget target, string pctCommand, GuestCommand command, ReadOnlyMemory<byte>? stdin, TimeSpan timeout)
    {
        // SSH.NET sends EOF only after at least one byte; empty input is the same as none.
        stdin = stdin is { IsEmpty: true } ? null : stdin;
        var inner = command.ShellLine;
        string[] guard = timeout == Timeout.InfiniteTimeSpan
            ? []
            : ["timeout", "-k", Seconds(KillAfterSeconds), Seconds((int)Math.Ceiling(Math.Min(timeout.TotalSeconds, int.MaxValue / 2)) + KillAfterSeconds)];
        string[] prefix = target.Mode == GuestTransportMode.Pct
            ? [pctCommand, "exec", target.VmId!.Value.ToString(), "--", .. guard, "sh", "-c"]
            : [.. guard, "sh", "-c"];
        var shortLine = target.Mode == GuestTransportMode.Direct && guard.Length == 0 ? inner : GuestCommand.Of([.. prefix, inner]).ShellLine;
        if (Encoding.UTF8.GetByteCount(shortLine) <= MaxExecRequestBytes)
        {
            // A command without input reads EOF rather than waiting on the channel until its timeout.
            return GuestOutcome<RemoteCommand>.Success(stdin is null ? new RemoteCommand(NoInput + shortLine, null) : new RemoteCommand(shortLine, stdin));
        }

        var length = Encoding.UTF8.GetByteCount(inner);
        if (length > MaxArgumentBytes)
        {
            return GuestOutcome<RemoteCommand>.Failure(
                GuestErrorKind.Failed, $"the command line is {length} bytes after quoting; a shell takes at most {MaxArgumentBytes}");
        }

        if (stdin is not null)
        {
            return GuestOutcome<RemoteCommand>.Failure(
                GuestErrorKind.Failed, $"the command line is {length} bytes after quoting; with input, at most {MaxExecRequestBytes}");
        }

        return GuestOutcome<RemoteCommand>.Success(
            new RemoteCommand(GuestCommand.Of(["sh", "-c", Bootstrap, "sh", .. prefix]).ShellLine, Encoding.UTF8.GetBytes(inner)));
    }

    private static string Seconds(int seconds) => seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
