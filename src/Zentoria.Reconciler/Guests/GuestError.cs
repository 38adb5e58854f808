namespace Zentoria.Reconciler.Guests;

/// <summary>Why a guest operation could not be done. The message is one line, safe for status and logs.</summary>
internal sealed record GuestError(GuestErrorKind Kind, string Message)
{
    public override string ToString() => $"{Kind}: {Message}";
}
