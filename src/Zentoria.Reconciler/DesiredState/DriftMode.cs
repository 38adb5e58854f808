namespace Zentoria.Reconciler.DesiredState;

internal enum DriftMode
{
    /// <summary>Drift is corrected (the default).</summary>
    Correct,

    /// <summary>Drift is reported, never corrected.</summary>
    Warn,

    /// <summary>The unit is neither observed for drift nor acted on.</summary>
    Suspend,
}
