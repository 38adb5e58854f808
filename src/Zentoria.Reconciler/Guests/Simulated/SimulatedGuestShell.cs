using System.Collections.Immutable;
using System.Text;
using Zentoria.Reconciler.Guests.Commands;

namespace Zentoria.Reconciler.Guests.Simulated;

/// <summary>
/// One in-process guest for the sandbox and tests: an in-memory file store and the few commands the sandbox runs,
/// so flags and files converge with no sshd on the machine. It keeps the seam's contract: a missing file or an
/// oversized read is a <see cref="GuestError"/>, an unknown command exits 127 like <c>sh</c> would.
/// </summary>
/// <remarks>
/// Commands it answers: <c>true</c>, <c>cat FILE</c>, and any program given to <see cref="Handle"/>. Thread-safe:
/// the operator runs units of one wave concurrently.
/// </remarks>
internal sealed class SimulatedGuestShell(string name, TimeProvider time) : IGuestShell
{
    /// <summary>What <c>sh</c> answers for a program it cannot find.</summary>
    public const int NotFound = 127;

    private readonly Lock gate = new();
    private readonly Dictionary<string, SimulatedFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ImmutableArray<string>, GuestCommandResult>> handlers = new(StringComparer.Ordinal);
    private readonly List<GuestCommand> commands = [];

    /// <summary>The guest's name, for messages (the container's name, say).</summary>
    public string Name { get; } = name;

    /// <summary>Every command run, in order.</summary>
    public IReadOnlyList<GuestCommand> Commands
    {
        get
        {
            lock (gate)
            {
                return [.. commands];
            }
        }
    }

    /// <summary>Null while the guest answers; otherwise why not (its container is stopped or gone). Null: always answers.</summary>
    public Func<GuestError?>? Reach { get; init; }

    /// <summary>Replaces every file with <paramref name="other"/>'s, as a clone of its disk would.</summary>
    public void CopyFilesFrom(SimulatedGuestShell other)
    {
        Dictionary<string, SimulatedFile> copied;
        lock (other.gate)
        {
            copied = new Dictionary<string, SimulatedFile>(other.files, StringComparer.Ordinal);
        }

        lock (gate)
        {
            files.Clear();
            foreach (var (path, file) in copied)
            {
                files[path] = file;
            }
        }
    }

    /// <summary>Teaches the guest a program: <paramref name="run"/> gets the whole argument list, program first.</summary>
    public void Handle(string program, Func<ImmutableArray<string>, GuestCommandResult> run)
    {
        lock (gate)
        {
            handlers[program] = run;
        }
    }

    /// <summary>Puts a file in place as if it had always been there (seeding, or drift made on purpose).</summary>
    public void Seed(string path, ReadOnlySpan<byte> content, UnixFileMode mode = Readable)
    {
        ValidatePath(path);
        lock (gate)
        {
            files[path] = new SimulatedFile(content.ToArray(), mode, null, time.GetUtcNow());
        }
    }

    public SimulatedFile? Find(string path)
    {
        lock (gate)
        {
            return files.GetValueOrDefault(path);
        }
    }

    public bool Delete(string path)
    {
        lock (gate)
        {
            return files.Remove(path);
        }
    }

    public Task<GuestOutcome<GuestCommandResult>> RunAsync(GuestCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Reach?.Invoke() is { } unreachable)
        {
            return Task.FromResult(GuestOutcome<GuestCommandResult>.Failure(unreachable));
        }

        Func<ImmutableArray<string>, GuestCommandResult>? handler;
        lock (gate)
        {
            commands.Add(command);
            handler = handlers.GetValueOrDefault(command.Arguments[0]);
        }

        var arguments = command.Arguments;
        var result = handler is not null ? handler(arguments)
            : arguments[0] == "true" ? Exit(0, "")
            : arguments is ["cat", var path] ? Cat(path)
            : new GuestCommandResult(NotFound, "", $"sh: {arguments[0]}: not found (the simulated guest {Name} knows only true, cat FILE and the commands the sandbox taught it)\n", false, false);
        return Task.FromResult(GuestOutcome<GuestCommandResult>.Success(result));
    }

    public Task<GuestOutcome<GuestFile>> ReadFileAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if ((PathError(path) ?? Reach?.Invoke()) is { } invalid)
        {
            return Task.FromResult(GuestOutcome<GuestFile>.Failure(invalid));
        }

        var file = Find(path);
        var outcome = file is null
            ? GuestOutcome<GuestFile>.Failure(GuestErrorKind.FileNotFound, $"{path} does not exist in {Name}.")
            : file.Content.Length > maxBytes
                ? GuestOutcome<GuestFile>.Failure(GuestErrorKind.FileTooLarge, $"{path} in {Name} is {file.Content.Length} bytes, more than the {maxBytes} allowed.")
                : GuestOutcome<GuestFile>.Success(new GuestFile(path, file.Content));
        return Task.FromResult(outcome);
    }

    public Task<GuestOutcome<GuestFile>> WriteFileAtomicAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode mode, GuestFileOwner? owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if ((PathError(path) ?? Reach?.Invoke()) is { } invalid)
        {
            return Task.FromResult(GuestOutcome<GuestFile>.Failure(invalid));
        }

        // A copy, swapped in under the lock: the caller may reuse its buffer, and a reader sees the old file or the new.
        var copy = content.ToArray();
        lock (gate)
        {
            files[path] = new SimulatedFile(copy, mode, owner, time.GetUtcNow());
        }

        return Task.FromResult(GuestOutcome<GuestFile>.Success(new GuestFile(path, copy)));
    }

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private GuestCommandResult Cat(string path)
    {
        var file = PathError(path) is null ? Find(path) : null;
        return file is null
            ? Exit(1, "", $"cat: {path}: No such file or directory\n")
            : Exit(0, Encoding.UTF8.GetString(file.Content.Span));
    }

    private static GuestCommandResult Exit(int code, string stdout, string stderr = "") => new(code, stdout, stderr, false, false);

    private GuestError? PathError(string path) =>
        path.StartsWith('/') && !path.EndsWith('/') && !path.Contains('\0', StringComparison.Ordinal)
            ? null
            : new GuestError(GuestErrorKind.Failed, $"\"{path}\" is not an absolute file path in {Name}.");

    private void ValidatePath(string path)
    {
        if (PathError(path) is { } error)
        {
            throw new ArgumentException(error.Message, nameof(path));
        }
    }
}
