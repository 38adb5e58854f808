using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>When units are reconciled again, and how many actions may run at once.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class SchedulingOptions
{
    /// <summary>How often a healthy unit is checked again; Proxmox cannot be watched, so this is the poll.</summary>
    /// <value>30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Each interval and backoff delay is spread by up to this fraction either way, so that units (and operators)
    /// started together do not hit the Proxmox API in lockstep.
    /// </summary>
    /// <value>0.1 (plus or minus 10 %).</value>
    [Range(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>The delay after a unit's first transient error; it doubles with each consecutive one.</summary>
    /// <value>1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest a failing unit waits before its next attempt, jitter included.</summary>
    /// <value>5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How soon a unit whose dependencies are not healthy looks again.</summary>
    /// <value>10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan DependencyRequeue { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most mutating actions in flight at once across all nodes.</summary>
    /// <value>4.</value>
    [Range(1, 256)]
    public int MaxConcurrentActions { get; set; } = 4;
}
