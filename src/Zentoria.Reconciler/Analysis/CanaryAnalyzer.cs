using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Guests.Health;

namespace Zentoria.Reconciler.Analysis;

/// <summary>
/// Judges a canary as Flagger does at each interval: its health, and metric queries against Prometheus with the
/// service, the canary and the window filled in. A breach or failed health fails; silence never passes: no data,
/// too few requests or an unanswered query is inconclusive, and the caller holds and reports.
/// </summary>
/// <param name="prometheus">Null where no Prometheus is configured: the analysis is the canary's health alone, and says so.</param>
internal sealed class CanaryAnalyzer(PrometheusClient? prometheus, HealthChecker health, ILogger<CanaryAnalyzer> logger)
{
    public const string HealthOnly = "health only, no Prometheus configured";

    public async Task<AnalysisRun> RunAsync(AnalysisSpec spec, AnalysisTarget target, CancellationToken cancellationToken)
    {
        if (prometheus is null)
        {
            var checkedHealth = await health.CheckAsync(target.Health with { Retries = spec.HealthFailures }, target.HealthTarget, cancellationToken);
            var alone = checkedHealth.Healthy
                ? new AnalysisRun(AnalysisVerdict.Pass, null, [], checkedHealth, $"healthy ({HealthOnly})")
                : Judge(spec, checkedHealth, new MetricMeasurement(AnalysisSpec.Samples, null, AnalysisVerdict.Inconclusive, HealthOnly), []);
            Log.Analysed(logger, target.Service.Value, target.CanaryInstance, alone.Verdict.ToString(), alone.Summary);
            return alone;
        }

        var values = new PromQlValues(target.Service.Value, target.CanaryInstance, spec.Window);
        var checking = health.CheckAsync(target.Health with { Retries = spec.HealthFailures }, target.HealthTarget, cancellationToken);
        var counting = MeasureAsync(new MetricTemplate(AnalysisSpec.Samples, spec.SampleQuery, null, null, ""), values, cancellationToken);
        var measuring = spec.Metrics.Select(m => MeasureAsync(m, values, cancellationToken)).ToList();
        var report = await checking;
        var samples = await counting;
        var metrics = (await Task.WhenAll(measuring)).ToImmutableArray();

        var run = Judge(spec, report, samples, metrics);
        Log.Analysed(logger, target.Service.Value, target.CanaryInstance, run.Verdict.ToString(), run.Summary);
        return run;
    }

    private static AnalysisRun Judge(AnalysisSpec spec, HealthReport report, MetricMeasurement samples, ImmutableArray<MetricMeasurement> metrics)
    {
        if (!report.Healthy)
        {
            var failed = $"{report.Attempts.Length.ToString(CultureInfo.InvariantCulture)} consecutive failed health checks ({report.LastAttempt.Detail})";
            return new AnalysisRun(AnalysisVerdict.Fail, samples.Value, metrics, report, failed);
        }

        // Too little traffic makes any ratio noise: nothing fails or passes on it.
        if (samples.Value is not { } count || double.IsNaN(count) || count < spec.MinimumSamples)
        {
            var why = samples.Value is { } seen && !double.IsNaN(seen)
                ? $"{seen.ToString("0.#", CultureInfo.InvariantCulture)} requests in {PromQlTemplate.Duration(spec.Window)}, fewer than the {spec.MinimumSamples.ToString(CultureInfo.InvariantCulture)} needed"
                : $"request count unknown ({samples.Detail})";
            var held = metrics.Select(m => m.Verdict == AnalysisVerdict.Inconclusive ? m : m with { Verdict = AnalysisVerdict.Inconclusive, Detail = $"{m.Detail}, too few requests to judge" });
            return new AnalysisRun(AnalysisVerdict.Inconclusive, samples.Value, [.. held], report, $"{why}.");
        }

        var breached = metrics.Where(m => m.Verdict == AnalysisVerdict.Fail).ToList();
        if (breached.Count > 0)
        {
            return new AnalysisRun(AnalysisVerdict.Fail, count, metrics, report, string.Join("; ", breached.Select(m => $"{m.Name} {m.Detail}")));
        }

        var unknown = metrics.Where(m => m.Verdict == AnalysisVerdict.Inconclusive).ToList();
        return unknown.Count > 0
            ? new AnalysisRun(AnalysisVerdict.Inconclusive, count, metrics, report, string.Join("; ", unknown.Select(m => $"{m.Name} {m.Detail}")))
            : new AnalysisRun(AnalysisVerdict.Pass, count, metrics, report, string.Join("; ", metrics.Select(m => $"{m.Name} {m.Detail}").Prepend($"{count.ToString("0.#", CultureInfo.InvariantCulture)} requests")));
    }

    private async Task<MetricMeasurement> MeasureAsync(MetricTemplate metric, PromQlValues values, CancellationToken cancellationToken)
    {
        var rendering = PromQlTemplate.Render(metric.Query, values);
        if (!rendering.Succeeded)
        {
            return new MetricMeasurement(metric.Name, null, AnalysisVerdict.Inconclusive, $"template error: {rendering.Error}");
        }

        var result = await prometheus!.QueryAsync(rendering.Query!, cancellationToken);
        if (!result.Succeeded)
        {
            return new MetricMeasurement(metric.Name, null, AnalysisVerdict.Inconclusive, $"query failed: {result.Error}");
        }

        switch (result.Samples.Length)
        {
            case 0:
                return new MetricMeasurement(metric.Name, null, AnalysisVerdict.Inconclusive, "no data");
            case > 1:
                return new MetricMeasurement(metric.Name, null, AnalysisVerdict.Inconclusive,
                    $"{result.Samples.Length.ToString(CultureInfo.InvariantCulture)} series; the query must aggregate to one value");
        }

        var value = result.Samples[0].Value;
        if (double.IsNaN(value))
        {
            return new MetricMeasurement(metric.Name, null, AnalysisVerdict.Inconclusive, "no data (NaN: nothing was measured)");
        }

        return metric.Breach(value) is { } breach
            ? new MetricMeasurement(metric.Name, value, AnalysisVerdict.Fail, breach)
            : new MetricMeasurement(metric.Name, value, AnalysisVerdict.Pass, metric.Format(value));
    }
}
