using System.Collections.Immutable;
using System.Text;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Guests.Commands;

/// <summary>
/// Fills a <see cref="CommandTemplate"/>'s placeholders with values. Substitution happens inside single
/// arguments and exactly once: a value that itself looks like <c>{version}</c> stays literal, and a value can
/// never add an argument, because quoting happens later on the whole argument (<see cref="GuestCommand.ShellLine"/>).
/// </summary>
internal static class CommandRenderer
{
    public static CommandRendering Render(CommandTemplate template, IReadOnlyDictionary<string, string> values)
    {
        if (template.Arguments.IsDefaultOrEmpty)
        {
            return CommandRendering.Failure("the command has no arguments");
        }

        var arguments = ImmutableArray.CreateBuilder<string>(template.Arguments.Length);
        foreach (var argument in template.Arguments)
        {
            var filled = Fill(argument, values, out var error);
            if (filled is null)
            {
                return CommandRendering.Failure(error!);
            }

            arguments.Add(filled);
        }

        return CommandRendering.Success(new GuestCommand(arguments.MoveToImmutable()));
    }

    private static string? Fill(string argument, IReadOnlyDictionary<string, string> values, out string? error)
    {
        if (argument.Contains('\0', StringComparison.Ordinal))
        {
            error = "an argument of the command contains NUL, which no command argument can carry";
            return null;
        }

        var builder = new StringBuilder(argument.Length);
        var position = 0;
        while (position < argument.Length)
        {
            var open = argument.IndexOf('{', position);
            if (open < 0)
            {
                builder.Append(argument, position, argument.Length - position);
                break;
            }

            var close = argument.IndexOf('}', open + 1);
            if (close < 0)
            {
                error = $"'{argument}' has a '{{' without a matching '}}'";
                return null;
            }

            var name = argument[(open + 1)..close];
            if (!CommandTemplate.KnownPlaceholders.Contains(name))
            {
                error = $"unknown placeholder '{{{name}}}' in '{argument}'";
                return null;
            }

            if (!values.TryGetValue(name, out var value))
            {
                error = $"no value for placeholder '{{{name}}}' in '{argument}'";
                return null;
            }

            if (value.Contains('\0', StringComparison.Ordinal))
            {
                error = $"the value for placeholder '{{{name}}}' contains NUL, which no command argument can carry";
                return null;
            }

            builder.Append(argument, position, open - position).Append(value);
            position = close + 1;
        }

        error = null;
        return builder.ToString();
    }
}
