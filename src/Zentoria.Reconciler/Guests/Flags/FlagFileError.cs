namespace Zentoria.Reconciler.Guests.Flags;

/// <summary>Why a flags file could not be read as one; the message is one line, safe for status and logs.</summary>
internal sealed record FlagFileError(string Message)
{
    public override string ToString() => Message;
}
