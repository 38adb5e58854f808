namespace Zentoria.Reconciler.Sources;

internal enum SourceTickOutcome
{
    /// <summary>The fetched revision is the one already in force (or already rejected).</summary>
    Unchanged,

    /// <summary>A new revision loaded and is now in force; a pass was requested.</summary>
    Applied,

    /// <summary>A new revision failed validation; the last valid one stays in force.</summary>
    Rejected,

    /// <summary>The fetch failed; the last valid revision stays in force.</summary>
    FetchFailed,
}
