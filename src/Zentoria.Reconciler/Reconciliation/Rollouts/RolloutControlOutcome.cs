namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>What became of a <c>promote</c> or <c>abort</c> request.</summary>
internal enum RolloutControlOutcome
{
    /// <summary>Recorded in <c>rollout-requests.json</c>; a pass was requested so the release's driver takes it.</summary>
    Accepted,

    /// <summary>The desired state has no service of that name.</summary>
    UnknownService,

    /// <summary>The service is released with the Rolling strategy: there are no steps to skip or withdraw.</summary>
    NotProgressive,

    /// <summary>No blue/green or canary release of the service is under way (none yet, or the last one has finished).</summary>
    NoReleaseUnderWay,
}
