using System.Collections.Immutable;
using System.Globalization;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// Where a canary stands on its ladder, as journaled (step <see cref="Step"/>): the step reached and when, the
/// analyses failed in a row, and the last verdict. The weights themselves are read back from the upstream file.
/// </summary>
/// <param name="StartedAt">When the release began, for the progress deadline.</param>
/// <param name="StepIndex">The step whose weight was set (0-based), or null before the first.</param>
/// <param name="EnteredAt">When the current interval began: the step was set, or the last analysis held it.</param>
/// <param name="Failures">Analyses failed in a row.</param>
/// <param name="Verdict">The last analysis's verdict at this step, or null before one.</param>
/// <param name="HealthFailed">The last failed analysis failed on health rather than on a metric.</param>
/// <param name="Summary">The last analysis in one line.</param>
internal sealed record CanaryProgress(
    DateTimeOffset StartedAt,
    int? StepIndex,
    DateTimeOffset EnteredAt,
    int Failures,
    AnalysisVerdict? Verdict,
    bool HealthFailed,
    string? Summary)
{
    public const string Step = "canary";

    private const string ValuePrefix = "value.";

    /// <summary>The version this ladder releases: a new target mid-release starts a ladder of its own.</summary>
    public string? Target { get; init; }

    /// <summary>The last analysis's measured values by metric, journaled so that status shows them after a restart.</summary>
    public ImmutableSortedDictionary<string, double> Values { get; init; } = ImmutableSortedDictionary<string, double>.Empty;

    public static CanaryProgress Start(DateTimeOffset now, string? target = null) => new(now, null, now, 0, null, false, null) { Target = target };

    public CanaryProgress Entered(int stepIndex, DateTimeOffset now) => this with { StepIndex = stepIndex, EnteredAt = now, Verdict = null };

    /// <summary>One analysis at this step: a pass ends the failure streak, a fail adds to it; anything but a pass re-arms the interval.</summary>
    public CanaryProgress Analysed(AnalysisRun run, DateTimeOffset now) => this with
    {
        Verdict = run.Verdict,
        Failures = run.Verdict switch { AnalysisVerdict.Pass => 0, AnalysisVerdict.Fail => Failures + 1, _ => Failures },
        HealthFailed = run.Verdict == AnalysisVerdict.Fail && !run.Health.Healthy,
        EnteredAt = run.Verdict == AnalysisVerdict.Pass ? EnteredAt : now,
        Summary = $"{run.Verdict}: {run.Summary}",
        Values = run.Values.Aggregate(ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), (values, v) => values.SetItem(v.Metric, v.Value)),
    };

    public ImmutableSortedDictionary<string, string> Facts()
    {
        var facts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        facts["started"] = StartedAt.ToString("O", CultureInfo.InvariantCulture);
        facts["entered"] = EnteredAt.ToString("O", CultureInfo.InvariantCulture);
        facts["failures"] = Failures.ToString(CultureInfo.InvariantCulture);
        facts["health-failed"] = HealthFailed ? "true" : "false";
        if (StepIndex is { } index)
        {
            facts["step"] = index.ToString(CultureInfo.InvariantCulture);
        }

        if (Verdict is { } verdict)
        {
            facts["verdict"] = verdict.ToString();
        }

        if (Summary is { } summary)
        {
            facts["summary"] = summary;
        }

        if (Target is { } target)
        {
            facts["target"] = target;
        }

        foreach (var (metric, value) in Values)
        {
            facts[ValuePrefix + metric] = value.ToString("R", CultureInfo.InvariantCulture);
        }

        return facts.ToImmutable();
    }

    /// <summary>The progress a journal entry describes, or null when the entry is not one this version wrote.</summary>
    public static CanaryProgress? From(JournalEntry entry)
    {
        var f = entry.Facts;
        if (!f.TryGetValue("started", out var started) || !DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
            || !f.TryGetValue("entered", out var entered) || !DateTimeOffset.TryParse(entered, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var enteredAt)
            || !f.TryGetValue("failures", out var failures) || !int.TryParse(failures, CultureInfo.InvariantCulture, out var failed))
        {
            return null;
        }

        int? step = f.TryGetValue("step", out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out var index) ? index : null;
        AnalysisVerdict? verdict = f.TryGetValue("verdict", out var v) && Enum.TryParse<AnalysisVerdict>(v, out var parsed) ? parsed : null;
        var values = f.Where(p => p.Key.StartsWith(ValuePrefix, StringComparison.Ordinal))
            .Select(p => (Metric: p.Key[ValuePrefix.Length..], Parsed: double.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), Value: value))
            .Where(p => p.Parsed)
            .ToList();
        return new CanaryProgress(startedAt, step, enteredAt, failed, verdict, f.GetValueOrDefault("health-failed") == "true", f.GetValueOrDefault("summary"))
        {
            Target = f.GetValueOrDefault("target"),
            Values = values.Count == 0 ? ImmutableSortedDictionary<string, double>.Empty : values.ToImmutableSortedDictionary(p => p.Metric, p => p.Value, StringComparer.Ordinal),
        };
    }
}
