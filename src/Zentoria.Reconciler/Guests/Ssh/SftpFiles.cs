using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>File reads and atomic writes over SFTP, for <c>direct</c> mode.</summary>
internal static class SftpFiles
{
    public static async Task<GuestOutcome<GuestFile>> ReadAsync(SftpClient sftp, string path, int maxBytes, CancellationToken cancellationToken)
    {
        var attributes = await sftp.GetAttributesAsync(path, cancellationToken);
        if (!attributes.IsRegularFile)
        {
            return GuestOutcome<GuestFile>.Failure(GuestErrorKind.Failed, $"{path} is not a regular file");
        }

        if (attributes.Size > maxBytes)
        {
            return TooLarge(path, maxBytes);
        }

        await using var stream = await sftp.OpenAsync(path, FileMode.Open, FileAccess.Read, cancellationToken);

        // One byte more than allowed tells a file that grew since the size check from one that fits.
        var buffer = new byte[maxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > maxBytes ? TooLarge(path, maxBytes) : GuestOutcome<GuestFile>.Success(new GuestFile(path, buffer.AsMemory(0, length).ToArray()));
    }

    /// <summary>
    /// Creates a temporary file beside the target, sets mode and owner while it is still empty (so the content is
    /// never readable under looser permissions), writes the content, then renames it over the target.
    /// </summary>
    public static async Task<GuestOutcome<GuestFile>> WriteAtomicAsync(
        SftpClient sftp,
        GuestExec exec,
        string path,
        ReadOnlyMemory<byte> content,
        UnixFileMode mode,
        GuestFileOwner? owner,
        Action posixRenameMissing,
        CancellationToken cancellationToken)
    {
        var temporary = GuestPaths.TemporaryBeside(path);
        try
        {
            await using (var stream = await sftp.OpenAsync(temporary, FileMode.CreateNew, FileAccess.Write, cancellationToken))
            {
                var attributes = await sftp.GetAttributesAsync(temporary, cancellationToken);
                SetMode(attributes, mode);
                var numericOwner = NumericOwner(owner);
                if (numericOwner is var (userId, groupId))
                {
                    attributes.UserId = userId;
                    attributes.GroupId = groupId;
                }

                sftp.SetAttributes(temporary, attributes);
                if (owner is not null && numericOwner is null)
                {
                    var chown = await exec(GuestCommand.Of("chown", "--", owner.ToString(), temporary), null, 4096, cancellationToken);
                    if (Failure(chown, $"chown {owner} {temporary}") is { } error)
                    {
                        return GuestOutcome<GuestFile>.Failure(error);
                    }
                }

                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            var renamed = await RenameAsync(sftp, exec, temporary, path, posixRenameMissing, cancellationToken);
            if (renamed is not null)
            {
                return GuestOutcome<GuestFile>.Failure(renamed);
            }

            temporary = null;
            return GuestOutcome<GuestFile>.Success(new GuestFile(path, content.ToArray()));
        }
        finally
        {
            if (temporary is not null)
            {
                await DeleteQuietlyAsync(sftp, temporary);
            }
        }
    }

    private static async Task<GuestError?> RenameAsync(
        SftpClient sftp, GuestExec exec, string temporary, string path, Action posixRenameMissing, CancellationToken cancellationToken)
    {
        try
        {
            // posix-rename@openssh.com replaces the target atomically; plain SFTP rename refuses an existing target.
            sftp.RenameFile(temporary, path, isPosix: true);
            return null;
        }
        catch (NotSupportedException)
        {
            posixRenameMissing();
            var moved = await exec(GuestCommand.Of("mv", "-f", "--", temporary, path), null, 4096, cancellationToken);
            return Failure(moved, $"mv {temporary} {path}");
        }
    }

    private static GuestError? Failure(GuestOutcome<SshRun> outcome, string what)
    {
        if (!outcome.Succeeded)
        {
            return outcome.Error;
        }

        var result = outcome.Value.ToResult();
        return result.Succeeded ? null : new GuestError(GuestErrorKind.Failed, $"{what} failed with exit {result.ExitCode}: {result.Stderr.Trim()}");
    }

    private static (int UserId, int GroupId)? NumericOwner(GuestFileOwner? owner) =>
        owner is not null && int.TryParse(owner.User, out var user) && int.TryParse(owner.Group, out var group) ? (user, group) : null;

    private static void SetMode(SftpFileAttributes attributes, UnixFileMode mode)
    {
        attributes.OwnerCanRead = mode.HasFlag(UnixFileMode.UserRead);
        attributes.OwnerCanWrite = mode.HasFlag(UnixFileMode.UserWrite);
        attributes.OwnerCanExecute = mode.HasFlag(UnixFileMode.UserExecute);
        attributes.GroupCanRead = mode.HasFlag(UnixFileMode.GroupRead);
        attributes.GroupCanWrite = mode.HasFlag(UnixFileMode.GroupWrite);
        attributes.GroupCanExecute = mode.HasFlag(UnixFileMode.GroupExecute);
        attributes.OthersCanRead = mode.HasFlag(UnixFileMode.OtherRead);
        attributes.OthersCanWrite = mode.HasFlag(UnixFileMode.OtherWrite);
        attributes.OthersCanExecute = mode.HasFlag(UnixFileMode.OtherExecute);
    }

    private static async Task DeleteQuietlyAsync(SftpClient sftp, string temporary)
    {
        try
        {
            // Cleanup must run even when the caller gave up, hence no caller token.
            await sftp.DeleteFileAsync(temporary, CancellationToken.None);
        }
        catch (Exception exception) when (exception is SshException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone, or the connection is: a hidden temporary file is harmless and never the target.
        }
    }

    private static GuestOutcome<GuestFile> TooLarge(string path, int maxBytes) =>
        GuestOutcome<GuestFile>.Failure(GuestErrorKind.FileTooLarge, $"{path} is larger than {maxBytes} bytes");
}
