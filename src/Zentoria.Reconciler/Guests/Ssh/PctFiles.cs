using System.Globalization;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// File reads and atomic writes in <c>pct</c> mode, over the node's exec connection: the content travels on
/// the command's stdout or stdin through <c>pct exec</c>, the same connection as commands, with no temporary
/// files on the node to clean up (what <c>pct pull</c>/<c>pct push</c> would need).
/// </summary>
/// <remarks>Paths, modes and owners reach the scripts as positional parameters, never spliced into the script.</remarks>
internal static class PctFiles
{
    private const int NotFound = 44;
    private const int NotRegular = 45;
    private const int NotReadable = 46;
    private const int TooLargeExit = 47;

    private const string ReadScript =
        """
        [ -e "$1" ] || exit 44
        [ -f "$1" ] || exit 45
        [ -r "$1" ] || exit 46
        size=$(wc -c < "$1") || exit 46
        [ "$size" -le "$2" ] || exit 47
        exec cat -- "$1"
        """;

    // mktemp creates the file 0600 in the target's folder (so the rename is atomic), before any content lands.
    private const string WriteScript =
        """
        set -e
        t=$(mktemp "$(dirname -- "$1")/.$(basename -- "$1").XXXXXXXX")
        trap 'rm -f -- "$t"' EXIT
        [ -z "$3" ] || chown -- "$3" "$t"
        chmod "$2" "$t"
        cat > "$t"
        mv -f -- "$t" "$1"
        trap - EXIT
        """;

    public static async Task<GuestOutcome<GuestFile>> ReadAsync(GuestExec exec, string path, int maxBytes, CancellationToken cancellationToken)
    {
        var max = maxBytes.ToString(CultureInfo.InvariantCulture);
        var outcome = await exec(GuestCommand.Of("sh", "-c", ReadScript, "sh", path, max), null, maxBytes + 1, cancellationToken);
        if (!outcome.Succeeded)
        {
            return GuestOutcome<GuestFile>.Failure(outcome.Error);
        }

        var run = outcome.Value;
        return run.ExitCode switch
        {
            0 when run.Stdout.Truncated => TooLarge(path, maxBytes),
            0 => GuestOutcome<GuestFile>.Success(new GuestFile(path, run.Stdout.Bytes)),
            NotFound => GuestOutcome<GuestFile>.Failure(GuestErrorKind.FileNotFound, $"{path} does not exist"),
            NotRegular => GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, $"{path} is not a regular file"),
            NotReadable => GuestOutcome<GuestFile>.Failure(GuestErrorKind.PermissionDenied, $"{path} is not readable"),
            TooLargeExit => TooLarge(path, maxBytes),
            _ => GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, Describe("reading " + path, run)),
        };
    }

    public static async Task<GuestOutcome<GuestFile>> WriteAtomicAsync(
        GuestExec exec, string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken)
    {
        var command = GuestCommand.Of("sh", "-c", WriteScript, "sh", path, GuestPaths.Octal(mode), owner?.ToString() ?? "");
        var outcome = await exec(command, content, 64 * 1024, cancellationToken);
        if (!outcome.Succeeded)
        {
            return GuestOutcome<GuestFile>.Failure(outcome.Error);
        }

        return outcome.Value.ExitCode == 0 && !outcome.Value.TimedOut
            ? GuestOutcome<GuestFile>.Success(new GuestFile(path, content.ToArray()))
            : GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, Describe("writing " + path, outcome.Value));
    }

    private static string Describe(string what, SshRun run)
    {
        var result = run.ToResult();
        var reason = result.TimedOut ? "timed out" : $"exit {result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
        return $"{what} failed ({reason}): {result.Stderr.Trim().ReplaceLineEndings(" ")}";
    }

    private static GuestOutcome<GuestFile> TooLarge(string path, int maxBytes) =>
        GuestOutcome<GuestFile>.Failure(GuestErrorKind.FileTooLarge, $"{path} is larger than {maxBytes} bytes");
}
