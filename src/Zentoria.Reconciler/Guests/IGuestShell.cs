using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests;

/// <summary>
/// Runs commands and moves files inside one guest (an LXC container). Two real implementations: SSH
/// (<see cref="Ssh.SshGuestShell"/>) and the sandbox's in-process simulated guest.
/// </summary>
/// <remarks>
/// Expected outcomes are results, not exceptions: a non-zero exit, a timeout or truncated output is a
/// <see cref="GuestCommandResult"/>; an unreachable guest, a refused host key or a missing file is a
/// <see cref="GuestError"/>. Only cancellation through <c>cancellationToken</c> throws.
/// </remarks>
internal interface IGuestShell
{
    /// <summary>Runs <paramref name="command"/> through <c>sh -c</c>; past <paramref name="timeout"/> it is cancelled and the result says so.</summary>
    Task<GuestOutcome<GuestCommandResult>> RunAsync(GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads a whole file; a file larger than <paramref name="maxBytes"/> is a <see cref="GuestErrorKind.FileTooLarge"/> error, never a silent prefix.</summary>
    Task<GuestOutcome<GuestFile>> ReadFileAsync(string path, int maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="path"/> so a reader sees the old content or the new, never a mix: a temporary
    /// file in the same folder gets the content, <paramref name="mode"/> and <paramref name="owner"/>, then is
    /// renamed over the target.
    /// </summary>
    Task<GuestOutcome<GuestFile>> WriteFileAtomicAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken);
}
