namespace Zentoria.Reconciler.Analysis;

internal enum AnalysisVerdict
{
    /// <summary>Enough traffic was measured and every check is within its thresholds.</summary>
    Pass,

    /// <summary>A threshold is breached, or the canary failed its health checks.</summary>
    Fail,

    /// <summary>Too little to judge (no data, too few requests, Prometheus unreachable): hold and report, never promote.</summary>
    Inconclusive,
}
