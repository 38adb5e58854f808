using System.Collections.Immutable;
using Zentoria.Reconciler.Guests.Health;

namespace Zentoria.Reconciler.Analysis;

/// <summary>One analysis of a canary: the verdict, and every value measured on the way to it.</summary>
/// <param name="Samples">The canary's requests in the window, or null when unknown.</param>
/// <param name="Health">The health checks made: up to the spec's consecutive failures, stopping at the first pass.</param>
/// <param name="Summary">One line for status: the verdict's reason.</param>
internal sealed record AnalysisRun(AnalysisVerdict Verdict, double? Samples, ImmutableArray<MetricMeasurement> Metrics, HealthReport Health, string Summary)
{
    /// <summary>Consecutive failed health checks seen, for <c>zentoria_analysis_value{metric="health-failures"}</c>.</summary>
    public int HealthFailures => Health.Attempts.Reverse().TakeWhile(a => !a.Healthy).Count();

    /// <summary>Every value measured by name (<see cref="AnalysisSpec.ValueNames"/>); a metric without data is left out.</summary>
    public IEnumerable<(string Metric, double Value)> Values =>
        Metrics.Where(m => m.Value is not null).Select(m => (m.Name, m.Value!.Value))
            .Concat(Samples is { } samples ? [(AnalysisSpec.Samples, samples)] : [])
            .Append((AnalysisSpec.HealthFailed, HealthFailures));
}
