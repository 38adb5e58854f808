using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Sources;

/// <summary>How often the source is fetched without a webhook, and how failed fetches back off.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class SourcePollingOptions
{
    /// <value>60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Spreads each interval by this fraction either way, so many operators on one git server do not fetch in step.</summary>
    /// <value>0.1.</value>
    [Range(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <value>5 seconds.</value>
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(5);

    /// <value>5 minutes.</value>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    public SchedulingOptions ToScheduling() => new()
    {
        Interval = Interval,
        JitterFraction = JitterFraction,
        BackoffInitial = BackoffInitial,
        BackoffMax = BackoffMax,
    };
}
