namespace Zentoria.Reconciler.State;

/// <summary>Where the operator keeps what it cannot observe (the journal) and its audit trail.</summary>
internal sealed class StateOptions
{
    /// <summary>The environment variable that names the state root when <see cref="Directory"/> is not set.</summary>
    public const string RootVariable = "ZENTORIA_STATE_DIR";

    /// <summary>
    /// The state folder itself. When null: <c>$ZENTORIA_STATE_DIR/&lt;env&gt;</c> if that variable is set,
    /// otherwise <c>.state/&lt;env&gt;</c> under the working directory.
    /// </summary>
    /// <value>null.</value>
    public string? Directory { get; set; }
}
