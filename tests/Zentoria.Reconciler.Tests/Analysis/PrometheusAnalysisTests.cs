using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Health;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Analysis;

/// <summary>
/// Canary analysis against a real Prometheus scraping real backend processes every second: one backend answers
/// 10 % 5xx, one answers well, one gets no traffic. The seed's templates and thresholds are used unchanged.
/// </summary>
[Category("Integration")]
[SupportedOSPlatform("linux")]
internal sealed class PrometheusAnalysisTests
{
    private const string Service = "mcp-gateway";
    private const int RequestsPerRound = 100;

    // Prometheus's first scrape comes 5-10 s after it is ready; a minute bounds every wait with room to spare.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly FakeTimeProvider time = new();
    private readonly HttpClient http = new();
    private BackendProcess failing = null!;
    private BackendProcess good = null!;
    private BackendProcess idle = null!;
    private RealPrometheus prometheus = null!;

    private PrometheusClient Client => new(http, prometheus.BaseAddress, time);

    private CanaryAnalyzer Analyzer => new(Client, new HealthChecker(http, time, NullLogger.Instance), NullLogger<CanaryAnalyzer>.Instance);

    [OneTimeSetUp]
    public async Task StartEverything()
    {
        failing = await BackendProcess.StartAsync("green", "v1.4.2", "127.0.2.211", failEvery: 10);
        good = await BackendProcess.StartAsync("green", "v1.4.3", "127.0.2.212");
        idle = await BackendProcess.StartAsync("green", "v1.4.4", "127.0.2.213");
        prometheus = await RealPrometheus.StartAsync([(Service, failing.Instance), (Service, good.Instance), (Service, idle.Instance)], Patience);
    }

    [OneTimeTearDown]
    public void StopEverything()
    {
        prometheus?.Dispose();
        idle?.Dispose();
        good?.Dispose();
        failing?.Dispose();
        http.Dispose();
    }

    [Test]
    public async Task A_canary_answering_ten_percent_5xx_breaches_the_error_rate_and_fails()
    {
        var run = await AnalyseUnderLoadUntilDecidedAsync(failing, AnalysisSpec.Seed);
        TestContext.Out.WriteLine(Describe(run));

        var errorRate = run.Metrics.Single(m => m.Name == AnalysisSpec.ErrorRate);
        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Fail), run.Summary);
        Assert.That(errorRate.Verdict, Is.EqualTo(AnalysisVerdict.Fail));
        Assert.That(errorRate.Value, Is.InRange(8.0, 12.0));
        Assert.That(run.Summary, Does.StartWith("error-rate ").And.Contain("above 5 %"));
        Assert.That(run.Metrics.Single(m => m.Name == AnalysisSpec.LatencyP99).Verdict, Is.EqualTo(AnalysisVerdict.Pass));
        Assert.That(run.Samples, Is.GreaterThanOrEqualTo(AnalysisSpec.Seed.MinimumSamples));
    }

    [Test]
    public async Task The_same_breach_on_fewer_requests_than_the_minimum_holds_instead_of_failing()
    {
        var spec = AnalysisSpec.Seed with { MinimumSamples = 1_000_000 };
        await AnalyseUnderLoadUntilDecidedAsync(failing, AnalysisSpec.Seed);

        var run = await Analyzer.RunAsync(spec, Target(failing), CancellationToken.None);

        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Inconclusive));
        Assert.That(run.Summary, Does.Contain("fewer than the 1000000 needed"));
        Assert.That(run.Metrics.Single(m => m.Name == AnalysisSpec.ErrorRate).Value, Is.GreaterThan(5.0), "the value is still reported");
    }

    [Test]
    public async Task A_healthy_canary_with_enough_traffic_passes_with_its_measured_values()
    {
        var run = await AnalyseUnderLoadUntilDecidedAsync(good, AnalysisSpec.Seed);
        TestContext.Out.WriteLine(Describe(run));

        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Pass), run.Summary);
        Assert.That(run.Metrics.Single(m => m.Name == AnalysisSpec.ErrorRate).Value, Is.Zero);
        Assert.That(run.Metrics.Single(m => m.Name == AnalysisSpec.LatencyP99).Value, Is.GreaterThan(0).And.LessThan(2.0));
        Assert.That(run.Values.Select(v => v.Metric), Is.EquivalentTo(AnalysisSpec.Seed.ValueNames));
    }

    [Test]
    public async Task A_canary_that_gets_no_traffic_is_inconclusive_and_never_passes()
    {
        await prometheus.WaitForScrapesAsync(idle.Instance, scrapes: 3, Patience);

        var run = await Analyzer.RunAsync(AnalysisSpec.Seed, Target(idle), CancellationToken.None);
        TestContext.Out.WriteLine(Describe(run));

        Assert.That(run.Verdict, Is.EqualTo(AnalysisVerdict.Inconclusive));
        Assert.That(run.Samples, Is.Zero);
        Assert.That(run.Metrics.Select(m => m.Verdict), Is.All.EqualTo(AnalysisVerdict.Inconclusive));
        Assert.That(run.Metrics.Single(m => m.Name == AnalysisSpec.ErrorRate).Detail, Does.StartWith("no data"));
    }

    [Test]
    public async Task A_hostile_service_name_is_matched_literally_and_cannot_add_a_series()
    {
        await prometheus.WaitForScrapesAsync(idle.Instance, scrapes: 1, Patience);
        var values = new PromQlValues($"{Service}\"}} or vector(1) or up{{a=\"", ".*", TimeSpan.FromMinutes(1));

        var literal = await Client.QueryAsync(PromQlTemplate.Render("""count(up{service="{{service}}"})""", values).Query!, CancellationToken.None);
        var regex = await Client.QueryAsync(PromQlTemplate.Render("""count(up{instance=~"{{canary}}"})""", values).Query!, CancellationToken.None);
        var real = await Client.QueryAsync(PromQlTemplate.Render("""count(up{instance=~"{{canary}}"})""", values with { Canary = idle.Instance }).Query!, CancellationToken.None);

        Assert.That(literal.Succeeded, Is.True, literal.Error);
        Assert.That(literal.Samples, Is.Empty);
        Assert.That(regex.Samples, Is.Empty, "'.*' matched as a pattern");
        Assert.That(real.Samples.Single().Value, Is.EqualTo(1));
    }

    [Test]
    public async Task The_client_answers_typed_series_scalars_and_refusals()
    {
        await prometheus.WaitForScrapesAsync(idle.Instance, scrapes: 1, Patience);

        var vector = await Client.QueryAsync($"up{{service=\"{Service}\"}}", CancellationToken.None);
        var scalar = await Client.QueryAsync("1 + 1", CancellationToken.None);
        var nan = await Client.QueryAsync("0 / 0", CancellationToken.None);
        var broken = await Client.QueryAsync("sum(up", CancellationToken.None);
        var range = await Client.QueryAsync("up[1m]", CancellationToken.None);

        Assert.That(vector.Samples.Select(s => s.Labels["instance"]), Is.EquivalentTo(new[] { failing.Instance, good.Instance, idle.Instance }));
        Assert.That(vector.Samples.Select(s => s.Labels["service"]), Is.All.EqualTo(Service));
        Assert.That(scalar.Samples.Single().Value, Is.EqualTo(2));
        Assert.That(scalar.Samples.Single().Labels, Is.Empty);
        Assert.That(double.IsNaN(nan.Samples.Single().Value), Is.True);
        Assert.That(broken.ErrorKind, Is.EqualTo(PrometheusErrorKind.Rejected));
        Assert.That(broken.Error, Does.Contain("bad_data").And.Not.Contain("http://"));
        Assert.That(range.ErrorKind, Is.EqualTo(PrometheusErrorKind.Rejected));
    }

    private static AnalysisTarget Target(BackendProcess backend) =>
        new(new ServiceName(Service), backend.Instance, HealthSpec.Default with { ExpectVersion = true }, new HealthTarget(backend.Address, backend.Port, backend.Version));

    private static string Describe(AnalysisRun run) =>
        $"{run.Verdict}: {run.Summary} | " + string.Join(", ", run.Values.Select(v => $"{v.Metric}={v.Value:0.###}"));

    /// <summary>Sends a round of requests to the canary, then analyses, until the verdict is not Inconclusive (bounded in rounds and time).</summary>
    private async Task<AnalysisRun> AnalyseUnderLoadUntilDecidedAsync(BackendProcess canary, AnalysisSpec spec)
    {
        using var deadline = new CancellationTokenSource(Patience);
        using var load = new TrafficClient(new Uri($"http://{canary.Instance}/"));
        AnalysisRun? run = null;
        for (var round = 1; round <= 400 && !deadline.IsCancellationRequested; round++)
        {
            await load.SendAsync(RequestsPerRound, concurrency: 2, deadline.Token);
            run = await Analyzer.RunAsync(spec, Target(canary), deadline.Token);
            if (run.Verdict != AnalysisVerdict.Inconclusive)
            {
                return run;
            }
        }

        Assert.Fail($"no verdict within {Patience.TotalSeconds} s: {(run is null ? "no run" : Describe(run))}; {prometheus.Log()}");
        return run!;
    }
}
