namespace Zentoria.Reconciler.DesiredState;

/// <summary>Where a value was written: a path relative to the desired-state root's parent, 1-based line and column.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("<none>", 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
