using System.Collections.Immutable;

namespace Zentoria.Reconciler.Guests.Commands;

/// <summary>A command for a guest as an argument list whose values are final; only <see cref="ShellLine"/> reaches a shell.</summary>
internal sealed record GuestCommand
{
    public GuestCommand(ImmutableArray<string> arguments)
    {
        if (arguments.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A command needs at least one argument.", nameof(arguments));
        }

        if (arguments.Any(argument => argument.Contains('\0', StringComparison.Ordinal)))
        {
            throw new ArgumentException("An argument cannot contain NUL; a shell cannot pass it.", nameof(arguments));
        }

        Arguments = arguments;
    }

    public ImmutableArray<string> Arguments { get; }

    /// <summary>Every argument single-quoted and joined: what <c>sh -c</c> receives.</summary>
    public string ShellLine => ShellQuoting.Join(Arguments);

    public static GuestCommand Of(params string[] arguments) => new([.. arguments]);

    public override string ToString() => ShellLine;
}
