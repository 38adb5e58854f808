using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Ssh;

/// <summary>Runs a command inside the guest, with optional stdin and a capture limit, as the file operations need.</summary>
internal delegate Task<GuestOutcome<SshRun>> GuestExec(GuestCommand command, ReadOnlyMemory<byte>? stdin, int maxOutputBytes, CancellationToken cancellationToken);
