using System.Collections.Immutable;

namespace Zentoria.Reconciler.Analysis;

/// <summary>
/// How a canary is judged at each step: its health, and metric queries against Prometheus over <see cref="Window"/>,
/// with a minimum-sample rule: fewer than <see cref="MinimumSamples"/> requests in the window is inconclusive.
/// </summary>
/// <param name="SampleQuery">Counts the canary's requests in the window.</param>
/// <param name="HealthFailures">Consecutive failed health checks that fail the analysis.</param>
internal sealed record AnalysisSpec(ImmutableArray<MetricTemplate> Metrics, string SampleQuery, int MinimumSamples, TimeSpan Window, int HealthFailures)
{
    public const string ErrorRate = "error-rate";
    public const string LatencyP99 = "latency-p99";
    public const string Samples = "samples";
    public const string HealthFailed = "health-failures";

    /// <summary>
    /// The seed's thresholds: error rate above 5 % over 1 minute, p99 latency above 2 s, 3 consecutive failed health
    /// checks; 20 requests at least. The queries expect the services' own metrics, scraped with a <c>service</c>
    /// label: a counter <c>http_requests_total{code}</c> and a histogram <c>http_request_duration_seconds</c>.
    /// </summary>
    public static readonly AnalysisSpec Seed = new(
        [
            new MetricTemplate(
                ErrorRate,
                """
                100 * (sum(rate(http_requests_total{service="{{service}}", instance="{{canary}}", code=~"5.."}[{{interval}}])) or on() vector(0))
                  / sum(rate(http_requests_total{service="{{service}}", instance="{{canary}}"}[{{interval}}]))
                """,
                Min: null,
                Max: 5,
                "%"),
            new MetricTemplate(
                LatencyP99,
                """
                histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="{{service}}", instance="{{canary}}"}[{{interval}}])))
                """,
                Min: null,
                Max: 2,
                "s"),
        ],
        """
        sum(increase(http_requests_total{service="{{service}}", instance="{{canary}}"}[{{interval}}]))
        """,
        MinimumSamples: 20,
        Window: TimeSpan.FromMinutes(1),
        HealthFailures: 3);

    /// <summary>The metric names an analysis reports values for, in order: the metrics, then samples and health failures.</summary>
    public IEnumerable<string> ValueNames => Metrics.Select(m => m.Name).Append(Samples).Append(HealthFailed);

    /// <summary>Every template problem, empty when all render.</summary>
    public ImmutableArray<string> Problems() =>
    [
        .. Metrics.Select(m => (m.Name, Error: PromQlTemplate.Check(m.Query))).Where(p => p.Error is not null).Select(p => $"{p.Name}: {p.Error}"),
        .. PromQlTemplate.Check(SampleQuery) is { } error ? [$"{Samples}: {error}"] : Array.Empty<string>(),
    ];
}
