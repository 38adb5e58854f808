namespace Zentoria.Reconciler.Sources;

/// <summary>Reads what kind of failure a git command's standard error describes (git runs with <c>LC_ALL=C</c>).</summary>
internal static class GitFailures
{
    private static readonly string[] AuthenticationMarks =
    [
        "Authentication failed", "could not read Username", "could not read Password", "terminal prompts disabled",
        "Permission denied", "Host key verification failed", "REMOTE HOST IDENTIFICATION HAS CHANGED",
        "The requested URL returned error: 401", "The requested URL returned error: 403",
    ];

    private static readonly string[] MissingReferenceMarks = ["couldn't find remote ref", "no such ref"];

    public static SourceFailureKind Classify(GitCommandResult result)
    {
        if (result.TimedOut)
        {
            return SourceFailureKind.TimedOut;
        }

        // Authentication first: ssh prints "Permission denied" and then "Could not read from remote repository".
        if (AuthenticationMarks.Any(m => result.Error.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return SourceFailureKind.Authentication;
        }

        return MissingReferenceMarks.Any(m => result.Error.Contains(m, StringComparison.OrdinalIgnoreCase))
            ? SourceFailureKind.MissingReference
            : SourceFailureKind.Unreachable;
    }

    /// <summary>The last few lines of standard error, on one line: git puts the cause last.</summary>
    public static string Summary(GitCommandResult result)
    {
        if (result.TimedOut)
        {
            return "the command ran past its time limit and was killed";
        }

        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? $"git exited with code {result.ExitCode}" : string.Join(" ", lines.TakeLast(3));
    }
}
