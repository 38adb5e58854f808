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
/// </remarks>
internal sealed record RemoteCommand(string Line, ReadOnlyMemory<byte>? Stdin)
{
    /// <summary>Longest line sent in the exec request itself, well under SSH.NET's packet limit.</summary>
    public const int MaxExecRequestBytes = 32 * 1024;

    /// <summary>Longest command line a shell can receive as its one <c>-c</c> argument, without the terminating NUL.</summary>
    public const int MaxArgumentBytes = (128 * 1024) - 1;

    private const string Bootstrap = "exec \"$@\" \"$(cat)\"";

    private const string NoInput = "exec </dev/null; ";

    public static GuestOutcome<RemoteCommand> For(GuestTarget target, string pctCommand, GuestCommand command, ReadOnlyMemory<byte>? stdin)
    {
        var inner = command.ShellLine;
        string[] prefix = target.Mode == GuestTransportMode.Pct
            ? [pctCommand, "exec", target.VmId!.Value.ToString(), "--", "sh", "-c"]
            : ["sh", "-c"];
        var shortLine = target.Mode == GuestTransportMode.Pct ? GuestCommand.Of([.. prefix, inner]).ShellLine : inner;
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
}
