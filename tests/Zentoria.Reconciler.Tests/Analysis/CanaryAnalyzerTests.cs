using Microsoft.Extensions.Logging.Abstractions;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Health;
using Zentoria.Reconciler.Tests.Guests.Health;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Analysis;

/// <summary>The analyzer when Prometheus cannot answer: real HTTP to a closed port and to a server that is not Prometheus.</summary>
internal sealed class CanaryAnalyzerTests
{
    // Not 10 s: the Prometheus client's own timeout is 10 s, and the test waits for the health interval's timer.
    private static readonly HealthSpec Health = HealthSpec.Default with { Interval = TimeSpan.FromSeconds(7) };

    private HttpClient http = null!;
    private HealthServer healthy = null!;
    private TimerSignallingTimeProvider time = null!;

    [SetUp]
    public async Task Start()
    {
        http = new HttpClient();
        healthy = await HealthServer.StartAsync();
        time = new TimerSignallingTimeProvider();
    }

    [TearDown]
    public async Task Stop()
    {
        http.Dispose();
        await healthy.DisposeAsync();
    }

    [Test]
    public async Task A_canary_failing_three_health_checks_in_a_row_fails_whatever_the_metrics_say()
    {
        var closed = LoopbackPort.Free();
        var analysis = Analyzer(new Uri($"http://127.0.0.1:{closed}/")).RunAsync(AnalysisSpec.Seed, Target(closed), CancellationToken.None);
        for (var wait = 1; wait < AnalysisSpec.Seed.HealthFailures; wait++)
        {
            await time.WaitForTimerAsync(Health.Interval);
            time.Fake.Advance(Health.Interval);
        }

        var run = await analysis;

        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Fail));
        Assert.That(run.HealthFailures, Is.EqualTo(3));
        Assert.That(run.Summary, Does.StartWith("3 consecutive failed health checks"));
        Assert.That(run.Values, Does.Contain(("health-failures", 3.0)));
    }

    [Test]
    public async Task With_prometheus_out_of_reach_a_healthy_canary_is_inconclusive_never_passed()
    {
        var run = await Analyzer(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/")).RunAsync(AnalysisSpec.Seed, Target(healthy.Port), CancellationToken.None);

        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Inconclusive));
        Assert.That(run.Samples, Is.Null);
        Assert.That(run.Metrics.Select(m => m.Verdict), Is.All.EqualTo(AnalysisVerdict.Inconclusive));
        Assert.That(run.Metrics.Select(m => m.Detail), Is.All.Contains("is unreachable"));
        Assert.That(run.Summary, Does.Contain("request count unknown"));
    }

    [Test]
    public async Task A_server_that_is_not_prometheus_makes_every_query_malformed_and_the_analysis_inconclusive()
    {
        var client = new PrometheusClient(http, new Uri($"http://127.0.0.1:{healthy.Port}/"), time);

        var result = await client.QueryAsync("up", CancellationToken.None);
        var run = await Analyzer(new Uri($"http://127.0.0.1:{healthy.Port}/")).RunAsync(AnalysisSpec.Seed, Target(healthy.Port), CancellationToken.None);

        Assert.That(result.ErrorKind, Is.EqualTo(PrometheusErrorKind.Malformed));
        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Inconclusive));
    }


    private static AnalysisTarget Target(int healthPort) =>
        new(new ServiceName("mcp-gateway"), "127.0.2.211:3000", Health, new HealthTarget("127.0.0.1", healthPort, null));

    private CanaryAnalyzer Analyzer(Uri prometheus) =>
        new(new PrometheusClient(http, prometheus, time), new HealthChecker(http, time, NullLogger.Instance), NullLogger<CanaryAnalyzer>.Instance);
}
