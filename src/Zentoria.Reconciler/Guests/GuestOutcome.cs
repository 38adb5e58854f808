using System.Diagnostics.CodeAnalysis;

namespace Zentoria.Reconciler.Guests;

/// <summary>Either a value or a <see cref="GuestError"/>.</summary>
internal sealed record GuestOutcome<T>
    where T : class
{
    private GuestOutcome(T? value, GuestError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public GuestError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    public static GuestOutcome<T> Success(T value) => new(value, null);

    public static GuestOutcome<T> Failure(GuestError error) => new(null, error);

    public static GuestOutcome<T> Failure(GuestErrorKind kind, string message) => new(null, new GuestError(kind, message));
}
