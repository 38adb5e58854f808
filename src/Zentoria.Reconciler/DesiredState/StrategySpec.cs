using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <param name="CloneVmId">The temporary clone's id for blue/green and canary, such as 411 for 441.</param>
/// <param name="CloneIp">The clone's address in CIDR form; null keeps DHCP.</param>
/// <param name="Steps">Canary traffic percentages, ascending, ending at 100 (default 5, 25, 100).</param>
/// <param name="Interval">How long each canary step is watched (default 10 minutes).</param>
internal sealed record StrategySpec(
    StrategyKind Type,
    VmId? CloneVmId,
    string? CloneIp,
    ImmutableArray<int> Steps,
    TimeSpan Interval)
{
    public static readonly ImmutableArray<int> DefaultCanarySteps = [5, 25, 100];

    public static readonly TimeSpan DefaultProgressDeadline = TimeSpan.FromMinutes(10);

    /// <summary>How long a blue/green or canary release may take before it is rolled back (reason <c>deadline</c>); default 10 minutes.</summary>
    public TimeSpan ProgressDeadline { get; init; } = DefaultProgressDeadline;

    /// <summary>How long a blue/green clone is kept after traffic left it for good; default 0 (destroyed at once).</summary>
    public TimeSpan KeepClone { get; init; }

    public const int DefaultFailureThreshold = 1;

    public static readonly TimeSpan DefaultAnalysisWindow = TimeSpan.FromMinutes(1);

    /// <summary>Canary analyses failed in a row that withdraw the canary; default 1, as the seed's alerts.</summary>
    public int FailureThreshold { get; init; } = DefaultFailureThreshold;

    /// <summary>The range of each canary analysis's PromQL queries, such as <c>[1m]</c>; default 1 minute.</summary>
    public TimeSpan AnalysisWindow { get; init; } = DefaultAnalysisWindow;

    public static readonly StrategySpec Rolling = new(StrategyKind.Rolling, null, null, [], TimeSpan.Zero);
}
