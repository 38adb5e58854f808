using System.Text;

namespace Zentoria.Reconciler.Guests.Commands;

/// <summary>
/// Quotes arguments for a POSIX shell so that each arrives as exactly one argv element, whatever it holds.
/// </summary>
/// <remarks>
/// Inside single quotes a POSIX shell interprets nothing (no <c>$</c>, backquote, backslash, glob or newline),
/// so the only character that needs care is the single quote itself: close the quote, emit an escaped quote,
/// reopen (<c>'\''</c>). Every argument is quoted, even a harmless-looking one, so no rule decides what is safe.
/// NUL cannot be passed in an argv element at all, hence the refusal rather than a silent truncation.
/// </remarks>
internal static class ShellQuoting
{
    public static string Quote(string argument)
    {
        if (argument.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An argument cannot contain NUL; a shell cannot pass it.", nameof(argument));
        }

        var builder = new StringBuilder(argument.Length + 2);
        builder.Append('\'');
        foreach (var character in argument)
        {
            if (character == '\'')
            {
                builder.Append(@"'\''");
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Append('\'').ToString();
    }

    /// <summary>Quotes every argument and joins them with spaces into one command line.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));
}
