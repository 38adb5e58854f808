using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Notifications;

/// <summary>Where notifications go and how hard delivery is tried; the <c>notifications</c> section of configuration.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class NotificationOptions
{
    /// <summary>Every target receives every notification; none configured means none are sent.</summary>
    [ValidateEnumeratedItems]
    public List<NotificationTarget> Webhooks { get; set; } = [];

    /// <summary>Attempts per notification before it is given up (and logged as an error).</summary>
    /// <value>8: with the default backoff, about ten minutes of trying.</value>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <value>2 seconds, doubling per failed attempt.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan BackoffInitial { get; set; } = TimeSpan.FromSeconds(2);

    /// <value>5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take.</summary>
    /// <value>10 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many finished notifications the ledger remembers to refuse duplicates; older ones are forgotten.</summary>
    /// <value>1000.</value>
    [Range(10, 100_000)]
    public int Remember { get; set; } = 1000;
}
