using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.Notifications;
using Zentoria.Reconciler.Tests.TestSupport;
using RolloutPhase = Zentoria.Reconciler.Reconciliation.Rollouts.RolloutPhase;

namespace Zentoria.Reconciler.Tests.Traffic;

/// <summary>
/// The backend released as a canary through the clone CT 411, with a real NGINX in front of real backends and a real
/// Prometheus scraping both: the weights and the traffic shares climb 5, 25, 100 and the release is promoted; a
/// release that fails every tenth request is withdrawn by the error-rate query at its first analysis. The operator's
/// clock is fake (a step's interval passes when the test advances it); Prometheus scrapes on real time, so before each
/// analysis the test waits, bounded, until Prometheus holds the canary's requests.
/// </summary>
[Category("Integration")]
[NonParallelizable]
[SupportedOSPlatform("linux")]
internal sealed class CanaryThroughNginxTests
{
    private const int RequestsPerStep = 2_000;
    private const double Tolerance = 2.0;
    private const int Afterwards = 1_000;
    private const int MaxPasses = 6;
    private const string Hook = "hook";

    private static readonly TimeSpan InstallDelay = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = GatewayDesiredState.CanaryInterval;

    [Test]
    public async Task A_healthy_canary_takes_5_25_100_percent_of_the_requests_through_nginx_then_is_promoted_and_its_clone_destroyed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero));
        await using var rig = await GatewayRig.StartAsync(StrategyKind.Canary, InstallDelay, time, prometheus: true);
        Assert.That(await rig.SettleAsync(MaxPasses), Is.LessThanOrEqualTo(MaxPasses), rig.Describe());

        GatewayDesiredState.Release(rig.Operator.DesiredRoot, GatewayRig.Previous, GatewayRig.Next);
        var steps = new List<(int Weight, int InFile, double Share, TrafficCount Traffic, string? Analysis)>();
        foreach (var weight in new[] { 5, 25, 100 })
        {
            if (weight != 5)
            {
                time.Advance(Interval);
            }

            var inFile = await PassesUntilCanaryWeightAsync(rig, weight);
            var analysis = rig.Gateway.Rollout?.Analysis;
            await ScrapedAsync(rig);
            var traffic = await SendAsync(rig, RequestsPerStep);
            await SamplesAsync(rig);
            steps.Add((weight, inFile, traffic.PercentOf(GuestBackends.Answer(GatewayRig.Next)), traffic, analysis));
            TestContext.Out.WriteLine($"step {weight} %: file {inFile} %, canary answered {traffic.PercentOf(GuestBackends.Answer(GatewayRig.Next)).ToString("0.00", CultureInfo.InvariantCulture)} % ({traffic}); analysis before it: {analysis}");
        }

        time.Advance(Interval);
        var passes = await rig.SettleAsync(MaxPasses);
        var after = await SendAsync(rig, Afterwards);
        var routing = Routing(rig);
        TestContext.Out.WriteLine($"promoted in {passes} pass(es); analysis: {rig.Gateway.Rollout?.Analysis}; afterwards {after}");
        Assert.Multiple(() =>
        {
            Assert.That(steps.Select(s => s.InFile), Is.EqualTo(new[] { 5, 25, 100 }), "the canary's weight in NGINX's upstream file");
            foreach (var step in steps)
            {
                Assert.That(step.Share, Is.EqualTo(step.Weight).Within(Tolerance), $"the canary's share of {step.Traffic}");
                Assert.That(step.Traffic.Failures, Is.Zero, step.Traffic.ToString());
            }

            Assert.That(steps.Skip(1).Select(s => s.Analysis), Has.All.StartWith("Pass"), "each step followed a passing analysis, not an inconclusive one");
            Assert.That(passes, Is.LessThanOrEqualTo(MaxPasses), rig.Describe());
            Assert.That(rig.Gateway.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Succeeded)), rig.Describe());
            Assert.That(rig.Gateway.Rollout?.Analysis, Does.StartWith("Pass"), "the last step's analysis passed before the promotion");
            Assert.That(after.Answers, Is.EqualTo(new Dictionary<string, int> { [GuestBackends.Answer(GatewayRig.Next)] = Afterwards }), "the original runs the new version: " + after);
            Assert.That(routing.Servers.Select(s => (s.Pool, s.Endpoint.Host, s.Weight)), Is.EqualTo(new[] { (UpstreamPool.Stable, GuestBackends.Addresses[GuestBackends.Original], 100) }), "100 % stable");
            Assert.That((rig.CloneExists, rig.CloneBackendRuns), Is.EqualTo((false, false)), "the clone and its backend are gone");
        });
    }

    [Test]
    public async Task A_canary_answering_10_percent_5xx_is_withdrawn_by_the_error_rate_query_at_its_first_analysis_and_one_notification_is_sent()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero));
        await using var receiver = await NotificationReceiver.StartAsync();
        await using var rig = await GatewayRig.StartAsync(
            StrategyKind.Canary, InstallDelay, time, failingOnClone: GatewayRig.Next, prometheus: true,
            configure: o => o.Notifications.Webhooks.Add(new NotificationTarget { Url = receiver.Url(Hook) }));
        Assert.That(await rig.SettleAsync(MaxPasses), Is.LessThanOrEqualTo(MaxPasses), rig.Describe());

        GatewayDesiredState.Release(rig.Operator.DesiredRoot, GatewayRig.Previous, GatewayRig.Next);
        var inFile = await PassesUntilCanaryWeightAsync(rig, 5);
        var startedAt = rig.Gateway.Rollout?.StartedAt;
        var tookTraffic = Ladder(rig)?.EnteredAt;
        await ScrapedAsync(rig);
        var traffic = await SendAsync(rig, RequestsPerStep);
        var samples = await SamplesAsync(rig);
        var errorRate = await rig.Prometheus!.ScalarAsync(Query(AnalysisSpec.Seed.Metrics.Single(m => m.Name == "error-rate").Query, rig), CancellationToken.None);

        time.Advance(Interval);
        for (var pass = 0; pass < MaxPasses && (rig.CloneExists || rig.Gateway.Rollout?.Phase != nameof(RolloutPhase.Failed)); pass++)
        {
            await rig.PassAsync();
        }

        var withdrawnAt = time.GetUtcNow();
        await rig.Operator.Host.Services.GetRequiredService<Notifier>().DeliverDueAsync(CancellationToken.None);
        var delivered = receiver.Delivered(Hook);
        var after = await SendAsync(rig, Afterwards);
        var routing = Routing(rig);
        var failures = rig.Operator.Host.Services.GetRequiredService<FailedDeployments>();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"5 %: file {inFile} %, {traffic}; Prometheus: {samples:0.#} canary requests in 1m, error-rate {errorRate:0.###} %; withdrawn {(withdrawnAt - tookTraffic)?.TotalSeconds:0.#} s after the canary took 5 %, {(withdrawnAt - startedAt)?.TotalSeconds:0.#} s after the release began (operator clock); analysis: {rig.Gateway.Rollout?.Analysis}"));
        Assert.Multiple(() =>
        {
            Assert.That(inFile, Is.EqualTo(5));
            Assert.That(traffic.Failures, Is.EqualTo(traffic.Answers.GetValueOrDefault(GuestBackends.Answer(GatewayRig.Next)) / GuestBackends.FailEvery), "every tenth request the canary answered was a 500: " + traffic);
            Assert.That(errorRate, Is.GreaterThan(5), "the error-rate query breaches its threshold");
            Assert.That(rig.Gateway.Rollout?.Analysis, Does.StartWith("Fail").And.Contain("error-rate"), "withdrawn by the error rate, not by health or silence");
            Assert.That(rig.Gateway.Rollout?.Phase, Is.EqualTo(nameof(RolloutPhase.Failed)), rig.Describe());
            Assert.That(withdrawnAt - tookTraffic, Is.LessThanOrEqualTo(Interval + AnalysisSpec.Seed.Window), "withdrawn within one interval plus the query window of the canary taking traffic");
            Assert.That(routing.Servers.Select(s => (s.Pool, s.Endpoint.Host, s.Weight)), Is.EqualTo(new[] { (UpstreamPool.Stable, GuestBackends.Addresses[GuestBackends.Original], 100) }), "weights back to 100/0");
            Assert.That(after.Answers, Is.EqualTo(new Dictionary<string, int> { [GuestBackends.Answer(GatewayRig.Previous)] = Afterwards }), "all traffic on the previous version: " + after);
            Assert.That((rig.CloneExists, rig.CloneBackendRuns), Is.EqualTo((false, false)), "the clone and its backend are gone");
            Assert.That(failures.Find(GuestBackends.Service, GatewayRig.Next, rig.Operator.Desired.Revision), Is.Not.Null, "the failed version is remembered");
            Assert.That(delivered.Select(EventOf), Is.EqualTo(new[] { nameof(NotificationKind.RolloutStarted), nameof(NotificationKind.RolloutRolledBack) }), "one RolloutRolledBack, after the RolloutStarted: " + string.Join('\n', delivered));
        });
    }

    /// <summary>The canary's journaled ladder: when its step was set, on the operator's clock.</summary>
    private static CanaryProgress? Ladder(GatewayRig rig) =>
        rig.Operator.Host.Services.GetRequiredService<Journal>().Find(new UnitKey(UnitKind.Service, GuestBackends.Service), CanaryProgress.Step) is { } entry ? CanaryProgress.From(entry) : null;

    private static string? EventOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("event").GetString();
    }

    /// <summary>Runs passes (without moving the clock past the interval) until the upstream file gives the canary <paramref name="weight"/> %.</summary>
    /// <returns>The canary's percentage in the file.</returns>
    private static async Task<int> PassesUntilCanaryWeightAsync(GatewayRig rig, int weight)
    {
        var percent = -1;
        for (var pass = 0; pass < MaxPasses && percent != weight; pass++)
        {
            await rig.PassAsync();
            percent = Routing(rig).PercentOf(UpstreamPool.Canary);
        }

        return percent;
    }

    private static UpstreamRouting Routing(GatewayRig rig) =>
        UpstreamFile.Read(File.ReadAllBytes(rig.UpstreamPath)).Routing ?? throw new InvalidOperationException("the upstream file does not read back: " + File.ReadAllText(rig.UpstreamPath));

    private static async Task<TrafficCount> SendAsync(GatewayRig rig, int requests)
    {
        using var traffic = new TrafficClient(rig.Nginx.BaseAddress);
        return await traffic.SendAsync(requests);
    }

    /// <summary>Waits until Prometheus scraped the clone's backend since it started, so the requests that follow count as an increase.</summary>
    private static Task<double> ScrapedAsync(GatewayRig rig) =>
        rig.Prometheus!.WaitForAsync($"sum_over_time(up{{instance=\"{rig.Instance(GuestBackends.Clone)}\"}}[1m])", 1, ScrapeWait);

    /// <summary>Waits until the analysis's own sample query sees enough of the canary's requests: the analysis that follows is not inconclusive for want of data.</summary>
    private static Task<double> SamplesAsync(GatewayRig rig) =>
        rig.Prometheus!.WaitForAsync(Query(AnalysisSpec.Seed.SampleQuery, rig), AnalysisSpec.Seed.MinimumSamples, ScrapeWait);

    /// <summary>A query of the analysis, rendered as the analysis renders it for the canary.</summary>
    private static string Query(string template, GatewayRig rig) =>
        PromQlTemplate.Render(template, new PromQlValues(GuestBackends.Service, rig.Instance(GuestBackends.Clone), AnalysisSpec.Seed.Window)).Query!;
}
