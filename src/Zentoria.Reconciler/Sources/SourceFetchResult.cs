using System.Diagnostics.CodeAnalysis;

namespace Zentoria.Reconciler.Sources;

/// <summary>Either a snapshot or a failure, never both.</summary>
internal sealed record SourceFetchResult(SourceSnapshot? Snapshot, SourceFailure? Failure)
{
    [MemberNotNullWhen(true, nameof(Snapshot))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Snapshot is not null;

    public static SourceFetchResult Of(SourceSnapshot snapshot) => new(snapshot, null);

    public static SourceFetchResult Fail(SourceFailureKind kind, string message) => new(null, new SourceFailure(kind, message));
}
