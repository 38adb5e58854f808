using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Sources;

/// <summary>Builds the configured source; the git mirror and checkouts live in <c>git/</c> under the state folder.</summary>
internal static class DesiredStateSources
{
    public const string GitFolder = "git";

    /// <summary>The source, or null with <paramref name="error"/> when the settings cannot work (a start-up fault).</summary>
    public static IDesiredStateSource? Create(
        SourceOptions options,
        string environment,
        StateFolder state,
        TimeProvider time,
        SecretRedactor redactor,
        ILogger logger,
        out string? error)
    {
        if (options.Kind == SourceKind.Folder)
        {
            error = string.IsNullOrWhiteSpace(options.Folder) ? "a folder source needs a folder" : null;
            return error is null ? new FolderSource(options.Folder!, environment, time) : null;
        }

        error = GitSourceOptionsCheck.Check(options.Git);
        if (error is null && options.Git.TokenFile is { } tokenFile && !File.Exists(tokenFile))
        {
            error = $"the token file '{tokenFile}' does not exist";
        }

        return error is null ? new GitSource(options.Git, state.File(GitFolder), time, redactor, logger) : null;
    }
}
