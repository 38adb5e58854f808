namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Draws jittered intervals and capped exponential backoff delays from <see cref="SchedulingOptions"/>.</summary>
internal sealed class BackoffPolicy(SchedulingOptions options, Randomizer random)
{
    // 2^30 seconds is decades; past that the cap has long applied and Math.Pow would only risk overflow.
    private const int MaxExponent = 30;

    /// <summary>The regular interval, spread by the jitter fraction either way.</summary>
    public TimeSpan NextInterval() => Jitter(options.Interval);

    /// <summary>The wait after the <paramref name="consecutiveFailures"/>-th failure in a row (1 for the first).</summary>
    /// <remarks>Never above <see cref="SchedulingOptions.BackoffMax"/>, jitter included.</remarks>
    public TimeSpan NextBackoff(int consecutiveFailures)
    {
        var exponent = Math.Clamp(consecutiveFailures - 1, 0, MaxExponent);
        var raw = options.BackoffInitial * Math.Pow(2, exponent);
        var capped = raw < options.BackoffMax ? raw : options.BackoffMax;
        var jittered = Jitter(capped);
        return jittered < options.BackoffMax ? jittered : options.BackoffMax;
    }

    private TimeSpan Jitter(TimeSpan delay) => delay * (1 + (options.JitterFraction * ((2 * random()) - 1)));
}
