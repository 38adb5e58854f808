namespace Zentoria.Reconciler.Planning;

/// <summary>What users of the unit notice while a step runs.</summary>
internal enum Disruption
{
    None,

    /// <summary>The container reboots: a short interruption.</summary>
    Restart,

    /// <summary>The unit is unavailable until the step ends (or for good, for a destroy).</summary>
    Downtime,
}
