namespace Zentoria.Reconciler.Guests.Commands;

/// <summary>The outcome of filling a command template: the command, or why it cannot be built.</summary>
internal sealed record CommandRendering(GuestCommand? Command, string? Error)
{
    public bool Succeeded => Command is not null;

    public static CommandRendering Success(GuestCommand command) => new(command, null);

    public static CommandRendering Failure(string error) => new(null, error);
}
