using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Routing;
using Zentoria.Reconciler.Tests.Http;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Observability;

internal sealed class RolloutMetricsTests
{
    private static readonly ServiceName Gateway = new("mcp-gateway");
    private static readonly ServiceName Frontend = new("frontend");

    [Test]
    public async Task Declared_services_get_every_release_series_at_zero()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        metrics.DeclareRollouts([(Gateway, StrategyKind.BlueGreen), (Frontend, StrategyKind.Canary)], AnalysisSpec.Seed.ValueNames);

        var lines = await Series(metrics, "zentoria_rollout_phase{", "zentoria_canary_weight{", "zentoria_analysis_value{", "zentoria_rollouts_total{", "zentoria_rollbacks_total{");
        Assert.That(lines, Has.All.EndsWith(" 0"));
        Assert.That(lines, Has.Count.EqualTo(2 * (7 + 2 + 4 + 3 + 5)));
        Assert.That(lines, Does.Contain("zentoria_rollout_phase{service=\"frontend\",phase=\"RollingBack\"} 0"));
        Assert.That(lines, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"canary\"} 0"));
        Assert.That(lines, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"error-rate\"} 0"));
        Assert.That(lines, Does.Contain("zentoria_rollouts_total{service=\"mcp-gateway\",strategy=\"BlueGreen\",result=\"rolled_back\"} 0"));
        Assert.That(lines, Does.Contain("zentoria_rollbacks_total{service=\"mcp-gateway\",reason=\"deadline\"} 0"));
    }

    [Test]
    public async Task A_service_no_longer_declared_loses_its_series_and_a_changed_strategy_replaces_them()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareRollouts([(Gateway, StrategyKind.BlueGreen), (Frontend, StrategyKind.Canary)], AnalysisSpec.Seed.ValueNames);

        metrics.DeclareRollouts([(Gateway, StrategyKind.Canary)], AnalysisSpec.Seed.ValueNames);

        var lines = await Series(metrics, "zentoria_");
        Assert.That(lines.Where(l => l.Contains("service=\"frontend\"", StringComparison.Ordinal)), Is.Empty);
        Assert.That(lines.Where(l => l.Contains("strategy=\"BlueGreen\"", StringComparison.Ordinal)), Is.Empty);
        Assert.That(lines, Does.Contain("zentoria_rollouts_total{service=\"mcp-gateway\",strategy=\"Canary\",result=\"promoted\"} 0"));
    }

    [Test]
    public async Task A_phase_is_the_one_set_to_one_and_weights_follow_the_live_upstream()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareRollouts([(Frontend, StrategyKind.Canary)], AnalysisSpec.Seed.ValueNames);

        metrics.SetRolloutPhase(Frontend, RolloutPhase.Progressing);
        metrics.SetRolloutPhase(Frontend, RolloutPhase.Paused);
        metrics.SetCanaryWeights(Frontend, UpstreamRouting.Split("frontend", new UpstreamEndpoint("127.0.2.240", 3000), new UpstreamEndpoint("127.0.2.220", 3000), 25));
        metrics.SetAnalysisValue(Frontend, AnalysisSpec.ErrorRate, 9.5);

        var phases = await Series(metrics, "zentoria_rollout_phase{");
        Assert.That(phases.Where(l => l.EndsWith(" 1", StringComparison.Ordinal)), Is.EqualTo(new[] { "zentoria_rollout_phase{service=\"frontend\",phase=\"Paused\"} 1" }));
        var lines = await Series(metrics, "zentoria_");
        Assert.That(lines, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"stable\"} 75"));
        Assert.That(lines, Does.Contain("zentoria_canary_weight{service=\"frontend\",pool=\"canary\"} 25"));
        Assert.That(lines, Does.Contain("zentoria_analysis_value{service=\"frontend\",metric=\"error-rate\"} 9.5"));
    }

    [Test]
    public async Task Finished_releases_and_rollbacks_are_counted_with_snake_case_results_and_reasons()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareRollouts([(Frontend, StrategyKind.Canary)], []);

        metrics.RolloutCompleted(Frontend, StrategyKind.Canary, RolloutResult.RolledBack);
        metrics.RolledBack(Frontend, RollbackReason.Analysis);
        metrics.RolloutCompleted(Frontend, StrategyKind.Canary, RolloutResult.Promoted);

        var lines = await Series(metrics, "zentoria_rollouts_total{", "zentoria_rollbacks_total{");
        Assert.That(lines, Does.Contain("zentoria_rollouts_total{service=\"frontend\",strategy=\"Canary\",result=\"rolled_back\"} 1"));
        Assert.That(lines, Does.Contain("zentoria_rollouts_total{service=\"frontend\",strategy=\"Canary\",result=\"promoted\"} 1"));
        Assert.That(lines, Does.Contain("zentoria_rollbacks_total{service=\"frontend\",reason=\"analysis\"} 1"));
    }

    [Test]
    public async Task The_release_series_pass_the_real_promtool_check()
    {
        const string promtool = "/usr/bin/promtool";
        RequiredTool.Require(promtool, "prometheus");
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareRollouts([(Gateway, StrategyKind.BlueGreen), (Frontend, StrategyKind.Canary)], AnalysisSpec.Seed.ValueNames);
        metrics.RolledBack(Frontend, RollbackReason.Health);

        var (exitCode, output) = await OperatorEndpointsTests.RunAsync(promtool, "check metrics", await OperatorMetricsTests.Export(metrics));

        Assert.That(exitCode, Is.Zero, output);
    }

    private static async Task<List<string>> Series(OperatorMetrics metrics, params string[] prefixes) =>
        [.. (await OperatorMetricsTests.Export(metrics)).Split('\n').Where(l => prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal)) && !l.StartsWith('#'))];
}
