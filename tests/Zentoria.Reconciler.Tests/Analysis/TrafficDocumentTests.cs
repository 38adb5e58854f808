using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.Http;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Analysis;

/// <summary>docs/traffic.md says what the code does: its seed templates are the code's, and its alert rules load and fire in the real promtool.</summary>
internal sealed class TrafficDocumentTests
{
    private const string Promtool = "/usr/bin/promtool";

    // Ten minutes of 15 s samples: mcp-gateway fails 10 % of requests, frontend is slow, Degraded, was rolled back and rests Failed.
    private const string RuleTests = """
        rule_files: [rules.yml]
        evaluation_interval: 15s
        tests:
          - interval: 15s
            input_series:
              - { series: 'http_requests_total{service="mcp-gateway",instance="127.0.2.241:3000",code="200"}', values: '0+90x40' }
              - { series: 'http_requests_total{service="mcp-gateway",instance="127.0.2.241:3000",code="500"}', values: '0+10x40' }
              - { series: 'http_requests_total{service="frontend",instance="127.0.2.240:3000",code="200"}', values: '0+100x40' }
              - { series: 'http_request_duration_seconds_bucket{service="frontend",instance="127.0.2.240:3000",le="1"}', values: '0+50x40' }
              - { series: 'http_request_duration_seconds_bucket{service="frontend",instance="127.0.2.240:3000",le="2"}', values: '0+50x40' }
              - { series: 'http_request_duration_seconds_bucket{service="frontend",instance="127.0.2.240:3000",le="5"}', values: '0+100x40' }
              - { series: 'http_request_duration_seconds_bucket{service="frontend",instance="127.0.2.240:3000",le="+Inf"}', values: '0+100x40' }
              - { series: 'zentoria_unit_info{kind="Service",name="frontend",sync="Synced",health="Degraded"}', values: '1x40' }
              - { series: 'zentoria_unit_info{kind="Service",name="mcp-gateway",sync="Synced",health="Healthy"}', values: '1x40' }
              - { series: 'zentoria_analysis_value{service="frontend",metric="health-failures"}', values: '0 0 3x38' }
              - { series: 'zentoria_rollbacks_total{service="frontend",reason="analysis"}', values: '0 0 0 1x37' }
              - { series: 'zentoria_rollout_phase{service="frontend",phase="Failed"}', values: '0 0 0 1x37' }
              - { series: 'zentoria_rollout_phase{service="mcp-gateway",phase="Failed"}', values: '0x40' }
            alert_rule_test:
              - eval_time: 3m
                alertname: ZentoriaErrorRateHigh
                exp_alerts:
                  - exp_labels: { severity: page, service: mcp-gateway }
                    exp_annotations: { summary: "mcp-gateway: more than 5 % of requests fail" }
              - eval_time: 3m
                alertname: ZentoriaLatencyP99High
                exp_alerts:
                  - exp_labels: { severity: page, service: frontend }
                    exp_annotations: { summary: "frontend: p99 latency above 2 s" }
              - eval_time: 3m
                alertname: ZentoriaServiceUnhealthy
                exp_alerts:
                  - exp_labels: { severity: page, kind: Service, name: frontend, sync: Synced, health: Degraded }
                    exp_annotations: { summary: "frontend is Degraded (health checks failing)" }
              - eval_time: 3m
                alertname: ZentoriaCanaryHealthFailing
                exp_alerts:
                  - exp_labels: { severity: page, service: frontend, metric: health-failures }
                    exp_annotations: { summary: "frontend: the canary failed 3 health checks in a row" }
              - eval_time: 3m
                alertname: ZentoriaRolledBack
                exp_alerts:
                  - exp_labels: { severity: ticket, service: frontend, reason: analysis }
                    exp_annotations: { summary: "frontend was rolled back (analysis)" }
              - eval_time: 3m
                alertname: ZentoriaRolloutFailed
                exp_alerts:
                  - exp_labels: { severity: ticket, service: frontend, phase: Failed }
                    exp_annotations: { summary: "frontend: the last release failed and was withdrawn; fix it, then retry frontend" }
          # Ninety minutes of 1 min samples: mcp-gateway's canary holds (Paused) from minute 10; frontend's release
          # moves without end; ai-orchestrator's pauses briefly, then finishes.
          - interval: 1m
            input_series:
              - { series: 'zentoria_rollout_phase{service="mcp-gateway",phase="Paused"}', values: '0x9 1x80' }
              - { series: 'zentoria_rollout_phase{service="frontend",phase="Progressing"}', values: '1x90' }
              - { series: 'zentoria_rollout_phase{service="ai-orchestrator",phase="Paused"}', values: '0 1x20 0x69' }
              - { series: 'zentoria_rollout_phase{service="ai-orchestrator",phase="Succeeded"}', values: '0x21 1x69' }
            alert_rule_test:
              - eval_time: 35m
                alertname: ZentoriaRolloutPaused
                exp_alerts: []
              - eval_time: 41m
                alertname: ZentoriaRolloutPaused
                exp_alerts:
                  - exp_labels: { severity: ticket, service: mcp-gateway, phase: Paused }
                    exp_annotations: { summary: "mcp-gateway: the release has been paused for 30 minutes; promote or abort it" }
              - eval_time: 50m
                alertname: ZentoriaRolloutStuck
                exp_alerts: []
              - eval_time: 61m
                alertname: ZentoriaRolloutStuck
                exp_alerts:
                  - exp_labels: { severity: page, service: frontend, phase: Progressing }
                    exp_annotations: { summary: "frontend: a release has been moving for an hour without finishing" }
        """;

    private static string Document => File.ReadAllText(Path.Join(RepositoryRoot.Path, "docs", "traffic.md"));

    [Test]
    public void The_documented_seed_templates_are_the_ones_the_code_uses()
    {
        var text = Document.Replace("\n", " ", StringComparison.Ordinal);

        foreach (var query in AnalysisSpec.Seed.Metrics.Select(m => m.Query).Append(AnalysisSpec.Seed.SampleQuery))
        {
            var oneLine = string.Join(' ', query.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            Assert.That(text, Does.Contain($"`{oneLine}`"));
        }
    }

    [Test]
    public async Task The_documented_alert_rules_load_and_fire_for_the_seeds_conditions_in_promtool()
    {
        RequiredTool.Require(Promtool, "prometheus");
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("rules.yml"), AlertRules());
        File.WriteAllText(folder.File("rules_test.yml"), RuleTests);

        var check = await OperatorEndpointsTests.RunAsync(Promtool, $"check rules {folder.File("rules.yml")}", "");
        var test = await OperatorEndpointsTests.RunAsync(Promtool, $"test rules {folder.File("rules_test.yml")}", "");

        Assert.That(check.ExitCode, Is.Zero, check.Output);
        Assert.That(check.Output, Does.Contain("SUCCESS: 8 rules found"));
        Assert.That(test.ExitCode, Is.Zero, test.Output);
    }

    private static string AlertRules()
    {
        var start = Document.IndexOf("```yaml\n# zentoria-alerts\n", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "docs/traffic.md has no '# zentoria-alerts' block");
        var body = start + "```yaml\n".Length;
        return Document[body..Document.IndexOf("```", body, StringComparison.Ordinal)];
    }
}
