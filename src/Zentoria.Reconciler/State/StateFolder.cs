namespace Zentoria.Reconciler.State;

/// <summary>One environment's state folder: the journal and the audit trail live here, nothing else.</summary>
internal sealed class StateFolder
{
    private StateFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// Resolves the folder: <paramref name="configured"/> as given; else <c>$ZENTORIA_STATE_DIR/&lt;env&gt;</c>;
    /// else <c>.state/&lt;env&gt;</c> under <paramref name="workingDirectory"/>. Creates it when missing.
    /// </summary>
    /// <remarks>
    /// The variable names a root shared by environments (one operator per environment may run on a host),
    /// so the environment name is appended, as it is for the default.
    /// </remarks>
    public static StateFolder Open(string? configured, string environment, Func<string, string?> environmentVariable, string workingDirectory)
    {
        var root = environmentVariable(StateOptions.RootVariable);
        var path = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(root) ? System.IO.Path.Combine(root, environment)
            : System.IO.Path.Combine(workingDirectory, ".state", environment);
        var full = System.IO.Path.GetFullPath(path, workingDirectory);
        Directory.CreateDirectory(full);
        return new StateFolder(full);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
