using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Zentoria.Reconciler.Hosting;

/// <summary>The hosted loop's own timing: shutdown grace and the liveness bound <c>/healthz</c> checks.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = OptionsRanges.Justification)]
internal sealed class LoopOptions
{
    /// <summary>
    /// On shutdown, how long the pass in flight may keep running so its current step finishes and is journaled;
    /// after that its cancellation token fires.
    /// </summary>
    /// <value>25 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary><c>/healthz</c> fails once no pass has started for this long: the loop is stuck or dead.</summary>
    /// <value>10 minutes (it must exceed both the interval and the longest backoff).</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LivenessWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest wait between two passes that were not triggered, however soon a unit falls due.</summary>
    /// <value>1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinimumPassGap { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the desired-state folder must stay quiet after a change before a pass starts (at most ten times this
    /// after the first change of a burst).
    /// </summary>
    /// <value>500 milliseconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);
}
