using System.Globalization;

namespace Zentoria.Reconciler.Analysis;

/// <summary>One analysis metric: a PromQL template that yields one value, and the range that value must stay in.</summary>
/// <param name="Name">Its name in status and in <c>zentoria_analysis_value{metric}</c>, such as <c>error-rate</c>.</param>
/// <param name="Min">Breached below this; null for no lower bound.</param>
/// <param name="Max">Breached above this; null for no upper bound.</param>
/// <param name="Unit">How the value reads, such as <c>%</c> or <c>s</c>.</param>
internal sealed record MetricTemplate(string Name, string Query, double? Min, double? Max, string Unit)
{
    /// <summary>Null when <paramref name="value"/> is within the range; otherwise the breach, such as <c>10 % above 5 %</c>.</summary>
    public string? Breach(double value) =>
        value > Max ? $"{Format(value)} above {Format(Max.Value)}"
        : value < Min ? $"{Format(value)} below {Format(Min.Value)}"
        : null;

    public string Format(double value) => $"{value.ToString("0.###", CultureInfo.InvariantCulture)}{(Unit.Length == 0 ? "" : Unit == "%" ? " %" : " " + Unit)}";
}
