namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// What is observed about one service's blue/green release. Everything comes from the live system or the journal, so
/// an operator restarted at any point decides from the same facts and continues.
/// </summary>
/// <param name="PreviousVersion">The version the original ran before the release (journaled when it started); null when unknown.</param>
/// <param name="OriginalVersion">The version the original reports; null when it does not answer.</param>
/// <param name="OriginalHealthy">The original's health check this pass at <paramref name="OriginalVersion"/>; null when not checked yet.</param>
/// <param name="CloneVersion">The version the clone reports; null when absent or not answering.</param>
/// <param name="CloneHealthy">The clone's health check this pass; null when not checked yet.</param>
/// <param name="FailedVersion">The version remembered as failed for this desired revision, or null.</param>
/// <param name="AbortRequested">A person ran <c>abort</c>.</param>
/// <param name="ReleaseStartedAt">When the release began (journaled), for the progress deadline; null before it begins.</param>
/// <param name="CloneIdleSince">When traffic left the clone for good (journaled), for the keep delay; null means now.</param>
internal sealed record BlueGreenFacts(
    string DesiredVersion,
    string? PreviousVersion,
    string? OriginalVersion,
    bool? OriginalHealthy,
    CloneState CloneState,
    string? CloneVersion,
    bool? CloneHealthy,
    UpstreamSide Upstream,
    string? FailedVersion,
    bool AbortRequested,
    DateTimeOffset? ReleaseStartedAt,
    TimeSpan ProgressDeadline,
    DateTimeOffset? CloneIdleSince,
    TimeSpan KeepClone,
    DateTimeOffset Now)
{
    /// <summary>The desired version is on the original and traffic is on it: only clean-up can remain.</summary>
    public bool Promoted => OriginalVersion == DesiredVersion && Upstream == UpstreamSide.Original;

    public bool Failed => FailedVersion == DesiredVersion;

    public bool CloneServes => CloneState == CloneState.Running && CloneVersion == DesiredVersion && CloneHealthy == true;
}
