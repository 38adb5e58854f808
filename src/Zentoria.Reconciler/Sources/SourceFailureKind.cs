namespace Zentoria.Reconciler.Sources;

internal enum SourceFailureKind
{
    /// <summary>The remote could not be reached or is not a repository.</summary>
    Unreachable,

    /// <summary>The remote refused the credentials, or the ssh host key did not match the pinned one.</summary>
    Authentication,

    /// <summary>The branch or tag does not exist (any more).</summary>
    MissingReference,

    /// <summary>The branch no longer contains the last good revision: its history was rewritten (a force-push).</summary>
    HistoryRewritten,

    /// <summary>The desired-state path is missing or holds no YAML documents; never read as "delete everything".</summary>
    Empty,

    /// <summary>A git command ran past its time limit and was killed.</summary>
    TimedOut,

    /// <summary>Anything else git or the file system reported.</summary>
    Failed,
}
