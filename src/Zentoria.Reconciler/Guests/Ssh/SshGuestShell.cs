using System.Globalization;
using Microsoft.Extensions.Logging;
using Renci.SshNet.Common;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>
/// The guest shell over SSH. In <c>direct</c> mode commands run on the container's own sshd and files move over
/// SFTP; in <c>pct</c> mode both go through <c>pct exec &lt;vmid&gt; -- sh -c '...'</c> on the Proxmox node.
/// </summary>
/// <remarks>Thread-safe; connections come from the shared <see cref="SshConnectionPool"/>.</remarks>
internal sealed class SshGuestShell(GuestTarget target, SshConnectionPool pool, SshGuestOptions options, TimeProvider timeProvider, ILogger logger) : IGuestShell
{
    private const int LoggedCommandLength = 300;

    public async Task<GuestOutcome<GuestCommandResult>> RunAsync(GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = await ExecAsync(command, null, timeout, options.MaxOutputBytes, cancellationToken);
        return outcome.Succeeded
            ? GuestOutcome<GuestCommandResult>.Success(outcome.Value.ToResult())
            : GuestOutcome<GuestCommandResult>.Failure(outcome.Error);
    }

    public async Task<GuestOutcome<GuestFile>> ReadFileAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        if (!GuestPaths.IsAbsolute(path))
        {
            return GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, $"'{path}' is not an absolute file path");
        }

        if (target.Mode == GuestTransportMode.Pct)
        {
            return await PctFiles.ReadAsync(FileExec, path, maxBytes, cancellationToken);
        }

        return await WithSftpAsync(sftp => SftpFiles.ReadAsync(sftp, path, maxBytes, cancellationToken), cancellationToken);
    }

    public async Task<GuestOutcome<GuestFile>> WriteFileAtomicAsync(
        string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken)
    {
        if (!GuestPaths.IsAbsolute(path))
        {
            return GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, $"'{path}' is not an absolute file path");
        }

        var written = target.Mode == GuestTransportMode.Pct
            ? await PctFiles.WriteAtomicAsync(FileExec, path, content, mode, owner, cancellationToken)
            : await WithSftpAsync(
                sftp => SftpFiles.WriteAtomicAsync(sftp, FileExec, path, content, mode, owner, () => Log.PosixRenameMissing(logger, target.ToString()), cancellationToken),
                cancellationToken);
        if (written.Succeeded)
        {
            Log.FileWritten(logger, target.ToString(), path, content.Length, GuestPaths.Octal(mode));
        }

        return written;
    }

    /// <summary>What the connected server receives for <paramref name="command"/>: the command under <c>timeout</c>, in <c>pct exec</c> in pct mode.</summary>
    public GuestOutcome<RemoteCommand> Remote(GuestCommand command, TimeSpan timeout) => RemoteCommand.For(target, options.PctCommand, command, null, timeout);

    private Task<GuestOutcome<SshRun>> FileExec(GuestCommand command, ReadOnlyMemory<byte>? stdin, int maxOutputBytes, CancellationToken cancellationToken) =>
        ExecAsync(command, stdin, options.FileTimeout, maxOutputBytes, cancellationToken);

    // SSH.NET blocks the calling thread while it waits for its listener thread (channel opens, SFTP replies, closing),
    // and that thread's socket reads need the socket engine's threads to be free. A caller may be running on one of
    // them (InlineSocketCompletions, after any other socket I/O), so every SSH operation starts on the thread pool.
    private Task<GuestOutcome<SshRun>> ExecAsync(
        GuestCommand command, ReadOnlyMemory<byte>? stdin, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken) =>
        Task.Run(() => ExecOnPoolAsync(command, stdin, timeout, maxOutputBytes, cancellationToken), CancellationToken.None);

    private async Task<GuestOutcome<SshRun>> ExecOnPoolAsync(
        GuestCommand command, ReadOnlyMemory<byte>? stdin, TimeSpan timeout, int maxOutputBytes, CancellationToken cancellationToken)
    {
        var remote = RemoteCommand.For(target, options.PctCommand, command, stdin, timeout);
        if (!remote.Succeeded)
        {
            return GuestOutcome<SshRun>.Failure(remote.Error);
        }

        var endpoint = target.Endpoint;

        // A second attempt only when the first could not even open a channel: nothing ran, so it is safe.
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var client = await pool.ExecAsync(endpoint, cancellationToken);
            if (!client.Succeeded)
            {
                return GuestOutcome<SshRun>.Failure(client.Error);
            }

            var started = timeProvider.GetTimestamp();
            try
            {
                var run = await SshCommandRunner.RunAsync(client.Value, remote.Value.Line, remote.Value.Stdin, timeout, maxOutputBytes, timeProvider, cancellationToken);
                if (run is null)
                {
                    await pool.DropAsync(endpoint, client.Value);
                    continue;
                }

                Report(command, run, timeout, maxOutputBytes, timeProvider.GetElapsedTime(started));
                return GuestOutcome<SshRun>.Success(run);
            }
            catch (Exception exception) when (exception is SshException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                await pool.DropAsync(endpoint, client.Value);
                return GuestOutcome<SshRun>.Failure(SshErrors.FromOperation(exception, endpoint));
            }
        }

        return GuestOutcome<SshRun>.Failure(GuestErrorKind.ConnectionLost, $"the connection to {endpoint} dropped twice before the command could start");
    }

    private Task<GuestOutcome<GuestFile>> WithSftpAsync(Func<Renci.SshNet.SftpClient, Task<GuestOutcome<GuestFile>>> operation, CancellationToken cancellationToken) =>
        Task.Run(() => WithSftpOnPoolAsync(operation, cancellationToken), CancellationToken.None);

    private async Task<GuestOutcome<GuestFile>> WithSftpOnPoolAsync(Func<Renci.SshNet.SftpClient, Task<GuestOutcome<GuestFile>>> operation, CancellationToken cancellationToken)
    {
        var sftp = await pool.SftpAsync(target.Endpoint, cancellationToken);
        if (!sftp.Succeeded)
        {
            return GuestOutcome<GuestFile>.Failure(sftp.Error);
        }

        try
        {
            return await operation(sftp.Value);
        }
        catch (Exception exception) when (exception is SshException or ObjectDisposedException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            if (exception is SshConnectionException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                await pool.DropAsync(target.Endpoint, sftp.Value);
            }

            return GuestOutcome<GuestFile>.Failure(SshErrors.FromOperation(exception, target.Endpoint));
        }
    }

    private void Report(GuestCommand command, SshRun run, TimeSpan timeout, int maxOutputBytes, TimeSpan duration)
    {
        var text = command.ShellLine;
        var shown = text.Length <= LoggedCommandLength ? text : text[..LoggedCommandLength] + "...";
        if (run.TimedOut)
        {
            Log.CommandTimedOut(logger, target.ToString(), timeout.TotalSeconds, shown);
        }
        else
        {
            Log.CommandFinished(logger, target.ToString(), run.ExitCode, duration.TotalMilliseconds, shown);
        }

        if (run.Stdout.Truncated || run.Stderr.Truncated)
        {
            Log.OutputTruncated(logger, target.ToString(), maxOutputBytes, shown);
        }
    }
}
