namespace Zentoria.Reconciler.Analysis;

/// <summary>One metric as measured: its value (null when there was none) and what it means.</summary>
/// <param name="Detail">One line for status, such as <c>10 % above 5 %</c> or <c>no data</c>.</param>
internal sealed record MetricMeasurement(string Name, double? Value, AnalysisVerdict Verdict, string Detail);
