using Zentoria.Reconciler.Guests;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Tests.Guests.Health;

/// <summary>A guest shell that answers commands from a script of results, and records what it was asked to run.</summary>
internal sealed class ScriptedGuestShell(params GuestCommandResult[] results) : IGuestShell
{
    private readonly Queue<GuestCommandResult> results = new(results);

    public List<GuestCommand> Commands { get; } = [];

    public Task<GuestOutcome<GuestCommandResult>> RunAsync(GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Commands.Add(command);
        return Task.FromResult(GuestOutcome<GuestCommandResult>.Success(results.Count > 1 ? results.Dequeue() : results.Peek()));
    }

    public Task<GuestOutcome<GuestFile>> ReadFileAsync(string path, int maxBytes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<GuestOutcome<GuestFile>> WriteFileAtomicAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
