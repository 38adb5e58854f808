namespace Zentoria.Reconciler.Sources;

/// <summary>Checks that a desired-state folder holds documents at all before anyone plans from it.</summary>
internal static class DesiredStateFiles
{
    /// <summary>Null when <paramref name="folder"/> holds at least one YAML file (at any depth); else why not.</summary>
    /// <remarks>
    /// An empty folder would load as "nothing is desired", and a pruning environment would then destroy
    /// everything: a repository that suddenly holds nothing is far more often a mistake than an intent.
    /// </remarks>
    public static string? CheckNotEmpty(string folder, string display)
    {
        if (!Directory.Exists(folder))
        {
            return $"the desired-state path '{display}' does not exist";
        }

        var any = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Any(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
        return any ? null : $"the desired-state path '{display}' holds no YAML documents";
    }
}
