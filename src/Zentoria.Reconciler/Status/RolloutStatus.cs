using System.Collections.Immutable;

namespace Zentoria.Reconciler.Status;

/// <summary>Where a blue/green or canary release of one service stands, as <c>status</c> shows it.</summary>
/// <param name="Strategy"><c>BlueGreen</c> or <c>Canary</c>.</param>
/// <param name="Phase">A <see cref="Reconciliation.Rollouts.RolloutPhase"/> name: <c>Progressing</c>, <c>Paused</c>, <c>Promoting</c>, <c>RollingBack</c>, <c>Succeeded</c>, <c>Failed</c>.</param>
/// <param name="Version">The version being released.</param>
/// <param name="Step">The next step in words, such as <c>SwitchToClone</c> or <c>weight 25 %</c>; null when finished.</param>
/// <param name="StepIndex">The canary step reached (1-based), or the blue/green step's position; null before the first.</param>
/// <param name="StepCount">How many steps the release has.</param>
/// <param name="StableWeight">Percent of requests the live upstream sends to the original container.</param>
/// <param name="CanaryWeight">Percent of requests the live upstream sends to the clone.</param>
/// <param name="Analysis">The last analysis in one line (verdict and values), or null before the first.</param>
/// <param name="Values">The last analysis values by metric name (<c>error-rate</c>, <c>latency-p99</c>, <c>samples</c>, <c>health-failures</c>).</param>
/// <param name="StartedAt">When the release started; the progress deadline counts from here.</param>
internal sealed record RolloutStatus(
    string Strategy,
    string Phase,
    string Version,
    string? Step,
    int? StepIndex,
    int StepCount,
    int StableWeight,
    int CanaryWeight,
    string? Analysis,
    ImmutableDictionary<string, double> Values,
    DateTimeOffset? StartedAt);
