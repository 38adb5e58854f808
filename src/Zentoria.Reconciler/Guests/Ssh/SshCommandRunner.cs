using Renci.SshNet;
using Renci.SshNet.Common;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Runs one command line on an exec channel with a timeout, bounded capture and optional stdin.</summary>
internal static class SshCommandRunner
{
    /// <returns>The run, or null when no channel could be opened, so nothing ran and a retry on a fresh connection is safe.</returns>
    /// <exception cref="SshException">The connection failed while the command ran; the caller maps it to a <see cref="GuestError"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (not the timeout).</exception>
    public static async Task<SshRun?> RunAsync(
        SshClient client,
        string line,
        ReadOnlyMemory<byte>? stdin,
        TimeSpan timeout,
        int maxOutputBytes,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(line);
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);

        // On cancellation SSH.NET sends a TERM signal request, which OpenSSH ignores, gives up after 500 ms
        // and closes the channel: the session stays usable, and the guest's timeout (RemoteCommand) ends the process.
        Task execution;
        try
        {
            execution = command.ExecuteAsync(linked.Token);
        }
        catch (Exception exception) when (SshErrors.IsStaleConnection(exception))
        {
            return null;
        }

        var stdout = BoundedCapture.ReadAsync(command.OutputStream, maxOutputBytes);
        var stderr = BoundedCapture.ReadAsync(command.ExtendedOutputStream, maxOutputBytes);
        if (stdin is { } input)
        {
            await WriteInputAsync(command, input);
        }

        var timedOut = false;
        try
        {
            await execution;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
        }

        var run = new SshRun(command.ExitStatus, await stdout, await stderr, timedOut);
        cancellationToken.ThrowIfCancellationRequested();
        return run;
    }

    private static async Task WriteInputAsync(SshCommand command, ReadOnlyMemory<byte> input)
    {
        try
        {
            // Disposing the stream sends EOF, which is what lets `cat > file` finish (SSH.NET sends it only
            // after at least one byte, hence RemoteCommand's /dev/null for commands without input).
            await using var stream = command.CreateInputStream();
            await stream.WriteAsync(input);
        }
        catch (Exception exception) when (exception is SshException or ObjectDisposedException or InvalidOperationException)
        {
            // The command ended before it read everything; its exit status says what happened.
        }
    }
}
