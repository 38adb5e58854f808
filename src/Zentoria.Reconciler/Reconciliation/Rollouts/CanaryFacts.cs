using System.Collections.Immutable;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// What is observed about one service's canary release. Everything comes from the live system or the journal, so an
/// operator restarted at any point decides from the same facts and continues.
/// </summary>
/// <param name="PreviousVersion">The version the original ran before the release (journaled); null when unknown.</param>
/// <param name="OriginalHealthy">The original's health check this pass at <paramref name="OriginalVersion"/>; null when not checked yet.</param>
/// <param name="CloneHealthy">The clone's health check this pass; null when not checked yet.</param>
/// <param name="CanaryWeight">The percent of requests the live upstream sends to the clone (0 when none is readable).</param>
/// <param name="Steps">The canary's weights, ascending and ending at 100.</param>
/// <param name="Interval">How long each step is watched before it is analysed.</param>
/// <param name="Progress">The journaled ladder; null before the release set its first weight.</param>
/// <param name="FailureThreshold">Analyses failed in a row that withdraw the canary.</param>
/// <param name="FailedVersion">The version remembered as failed for this desired revision, or null.</param>
/// <param name="Request">A promote or abort a person asked for, or null.</param>
/// <param name="ReleaseStartedAt">When the release began (journaled), for the progress deadline; null before it begins.</param>
internal sealed record CanaryFacts(
    string DesiredVersion,
    string? PreviousVersion,
    string? OriginalVersion,
    bool? OriginalHealthy,
    CloneState CloneState,
    string? CloneVersion,
    bool? CloneHealthy,
    UpstreamSide Upstream,
    int CanaryWeight,
    ImmutableArray<int> Steps,
    TimeSpan Interval,
    CanaryProgress? Progress,
    int FailureThreshold,
    string? FailedVersion,
    RolloutRequestKind? Request,
    DateTimeOffset? ReleaseStartedAt,
    TimeSpan ProgressDeadline,
    DateTimeOffset Now)
{
    public bool Failed => FailedVersion == DesiredVersion;

    public bool Promoted => OriginalVersion == DesiredVersion && Upstream == UpstreamSide.Original;

    /// <summary>The clone runs the release; whether it is healthy is <see cref="CloneHealthy"/>.</summary>
    public bool CloneReady => CloneState == CloneState.Running && CloneVersion == DesiredVersion;

    /// <summary>The last step passed its analysis, or a person asked to promote: the original may be updated.</summary>
    public bool MayPromote =>
        Request == RolloutRequestKind.Promote
        || (Progress is { StepIndex: { } index, Verdict: Analysis.AnalysisVerdict.Pass } && index == Steps.Length - 1);

    /// <summary>The same observation as blue/green sees it: the clone-handling and reverting steps are shared.</summary>
    public BlueGreenFacts AsBlueGreen(bool failed) => new(
        DesiredVersion,
        PreviousVersion,
        OriginalVersion,
        OriginalHealthy,
        CloneState,
        CloneVersion,
        CloneHealthy,
        Upstream,
        failed ? DesiredVersion : null,
        AbortRequested: false,
        ReleaseStartedAt: null,
        TimeSpan.MaxValue,
        CloneIdleSince: null,
        KeepClone: TimeSpan.Zero,
        Now);
}
