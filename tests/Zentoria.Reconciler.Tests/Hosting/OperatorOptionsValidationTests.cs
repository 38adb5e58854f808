using Microsoft.Extensions.Options;
using Zentoria.Reconciler.Hosting;

namespace Zentoria.Reconciler.Tests.Hosting;

internal sealed class OperatorOptionsValidationTests
{
    [Test]
    public void The_defaults_are_valid()
    {
        Assert.That(Validate(new OperatorOptions()), Is.Empty);
    }

    [Test]
    public void A_negative_interval_is_refused_by_the_generated_validator()
    {
        var options = new OperatorOptions { Scheduling = { Interval = TimeSpan.FromSeconds(-1) } };

        Assert.That(Validate(options), Has.Some.Contains("Interval"));
    }

    [Test]
    public void Jitter_above_half_is_refused()
    {
        var options = new OperatorOptions { Scheduling = { JitterFraction = 0.9 } };

        Assert.That(Validate(options), Has.Some.Contains("JitterFraction"));
    }

    [Test]
    public void An_environment_name_that_cannot_name_a_folder_is_refused()
    {
        Assert.That(Validate(new OperatorOptions { Environment = "../prod" }), Has.Some.Contains("Environment"));
    }

    [Test]
    public void A_cap_below_the_initial_backoff_is_refused_with_both_values()
    {
        var options = new OperatorOptions { Scheduling = { BackoffInitial = TimeSpan.FromSeconds(10), BackoffMax = TimeSpan.FromSeconds(5) } };

        Assert.That(Validate(options), Has.Some.Contains("00:00:05").And.Contains("00:00:10"));
    }

    [Test]
    public void A_liveness_window_shorter_than_the_longest_wait_is_refused()
    {
        var options = new OperatorOptions { Loop = { LivenessWindow = TimeSpan.FromMinutes(5) } };

        Assert.That(Validate(options), Has.Some.Contains("LivenessWindow"));
    }

    [TestCase("0.0.0.0")]
    [TestCase("192.0.2.241")]
    public void A_non_loopback_address_is_refused_unless_allowed(string address)
    {
        Assert.That(Validate(new OperatorOptions { Http = { Address = address } }), Has.Some.Contains("not a loopback address"));
        Assert.That(Validate(new OperatorOptions { Http = { Address = address, AllowNonLoopback = true } }), Is.Empty);
    }

    [TestCase("127.0.0.2")]
    [TestCase("::1")]
    public void Any_loopback_address_is_accepted(string address)
    {
        Assert.That(Validate(new OperatorOptions { Http = { Address = address } }), Is.Empty);
    }

    [Test]
    public void A_host_name_is_refused_as_an_address()
    {
        Assert.That(Validate(new OperatorOptions { Http = { Address = "localhost" } }), Has.Some.Contains("must be an IP address"));
    }

    private static List<string> Validate(OperatorOptions options)
    {
        var failures = new List<string>();
        foreach (var validator in new IValidateOptions<OperatorOptions>[] { new OperatorOptionsValidator(), new OperatorOptionsCustomValidator() })
        {
            var result = validator.Validate(Options.DefaultName, options);
            failures.AddRange(result.Failures ?? []);
        }

        return failures;
    }
}
