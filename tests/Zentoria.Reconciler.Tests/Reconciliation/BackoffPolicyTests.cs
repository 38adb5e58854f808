using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class BackoffPolicyTests
{
    private static readonly SchedulingOptions Defaults = new();

    [TestCase(0.0, 27.0, Description = "lowest draw: 10 % early")]
    [TestCase(0.5, 30.0, Description = "middle draw: on time")]
    [TestCase(0.999999, 33.0, Description = "highest draw: 10 % late")]
    public void The_interval_is_30_seconds_spread_by_10_percent_either_way(double draw, double expectedSeconds)
    {
        var policy = new BackoffPolicy(Defaults, () => draw);

        Assert.That(policy.NextInterval().TotalSeconds, Is.EqualTo(expectedSeconds).Within(0.001));
    }

    [Test]
    public void Intervals_drawn_from_a_real_random_source_stay_within_the_jitter_bounds()
    {
        var random = new Random(1234);
        var policy = new BackoffPolicy(Defaults, random.NextDouble);

        var intervals = Enumerable.Range(0, 1000).Select(_ => policy.NextInterval().TotalSeconds).ToList();

        Assert.That(intervals, Has.All.InRange(27.0, 33.0));
        Assert.That(intervals.Distinct().Count(), Is.GreaterThan(900), "jitter must actually spread the intervals");
    }

    [Test]
    public void Backoff_starts_at_one_second_and_doubles_with_each_consecutive_failure()
    {
        var policy = new BackoffPolicy(Defaults, () => 0.5);

        var delays = Enumerable.Range(1, 6).Select(n => policy.NextBackoff(n).TotalSeconds);

        Assert.That(delays, Is.EqualTo(new[] { 1.0, 2, 4, 8, 16, 32 }));
    }

    [Test]
    public void Backoff_stops_growing_at_five_minutes()
    {
        var policy = new BackoffPolicy(Defaults, () => 0.5);

        Assert.That(policy.NextBackoff(9), Is.EqualTo(TimeSpan.FromSeconds(256)));
        Assert.That(policy.NextBackoff(10), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(policy.NextBackoff(1_000_000), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Jitter_never_pushes_backoff_past_the_cap()
    {
        var policy = new BackoffPolicy(Defaults, () => 0.999999);

        Assert.That(policy.NextBackoff(50), Is.EqualTo(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void Jitter_spreads_backoff_by_10_percent_either_way_below_the_cap()
    {
        var low = new BackoffPolicy(Defaults, () => 0.0);
        var high = new BackoffPolicy(Defaults, () => 0.999999);

        Assert.That(low.NextBackoff(4).TotalSeconds, Is.EqualTo(7.2).Within(0.001));
        Assert.That(high.NextBackoff(4).TotalSeconds, Is.EqualTo(8.8).Within(0.001));
    }
}
