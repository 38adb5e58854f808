using Zentoria.Reconciler.Analysis;

namespace Zentoria.Reconciler.Tests.Analysis;

internal sealed class PromQlTemplateTests
{
    private static readonly PromQlValues Values = new("mcp-gateway", "127.0.2.211:3000", TimeSpan.FromMinutes(1));

    [Test]
    public void Placeholders_are_filled_in_label_values_and_the_window_as_a_duration()
    {
        var rendering = PromQlTemplate.Render("""sum(rate(http_requests_total{service="{{service}}", instance="{{ canary }}"}[{{interval}}]))""", Values);

        Assert.That(rendering.Query, Is.EqualTo("""sum(rate(http_requests_total{service="mcp-gateway", instance="127.0.2.211:3000"}[1m]))"""));
    }

    [TestCase("x\"} or vector(1) or up{a=\"", "x\\\"} or vector(1) or up{a=\\\"", TestName = "A quote cannot end the label value")]
    [TestCase("x\\", "x\\\\", TestName = "A backslash cannot escape the closing quote")]
    [TestCase("x\ny", "x\\ny", TestName = "A newline stays inside the string")]
    [TestCase("x\u0001", "x\\u0001", TestName = "A control character is written as an escape")]
    [TestCase("{{interval}}", "{{interval}}", TestName = "A value that looks like a placeholder stays literal")]
    public void A_value_never_leaves_its_label_value(string service, string written)
    {
        var rendering = PromQlTemplate.Render("""up{service="{{service}}"}""", Values with { Service = service });

        Assert.That(rendering.Query, Is.EqualTo($"up{{service=\"{written}\"}}"));
    }

    [Test]
    public void After_a_regular_expression_matcher_the_value_matches_itself_only()
    {
        var rendering = PromQlTemplate.Render("""up{instance=~"{{canary}}", service!~ "{{service}}"}""", Values with { Service = "a.*(b|c)" });

        Assert.That(rendering.Query, Is.EqualTo("""up{instance=~"127\\.0\\.2\\.211:3000", service!~ "a\\.\\*\\(b\\|c\\)"}"""));
    }

    [Test]
    public void Strings_and_escapes_in_the_template_itself_are_kept()
    {
        var rendering = PromQlTemplate.Render("""label_replace(up{service="{{service}}"}, "x", "a\"b{{", "", "") """, Values);

        Assert.That(rendering.Succeeded, Is.False, "an unknown '{{' inside a string is refused rather than guessed at");
        Assert.That(PromQlTemplate.Render("""up{job='a"b', service="{{service}}"} or up{job=`raw\`}""", Values).Query,
            Is.EqualTo("""up{job='a"b', service="mcp-gateway"} or up{job=`raw\`}"""));
    }

    [TestCase("up{service={{service}}}", "must stand inside a double-quoted label value", TestName = "A value placeholder outside quotes is refused")]
    [TestCase("up{service='{{service}}'}", "must stand inside a double-quoted label value", TestName = "A value placeholder in single quotes is refused")]
    [TestCase("rate(up[\"{{interval}}\"])", "must stand outside strings", TestName = "The window inside quotes is refused")]
    [TestCase("up{service=\"{{version}}\"}", "unknown placeholder '{{version}}'", TestName = "An unknown placeholder is refused")]
    [TestCase("up{service=\"{{service\"}", "has no closing '}}'", TestName = "An unclosed placeholder is refused")]
    [TestCase("up{service=\"x}", "is not closed", TestName = "An unclosed string is refused")]
    public void A_template_that_cannot_be_filled_safely_is_refused(string template, string error)
    {
        Assert.That(PromQlTemplate.Check(template), Does.Contain(error));
    }

    [TestCase(90, "90s")]
    [TestCase(60, "1m")]
    [TestCase(600, "10m")]
    [TestCase(7200, "2h")]
    [TestCase(0.25, "250ms")]
    public void Windows_are_written_as_prometheus_durations(double seconds, string duration)
    {
        Assert.That(PromQlTemplate.Duration(TimeSpan.FromSeconds(seconds)), Is.EqualTo(duration));
    }

    [Test]
    public void The_seed_templates_render()
    {
        Assert.That(AnalysisSpec.Seed.Problems(), Is.Empty);
        Assert.That(AnalysisSpec.Seed.ValueNames, Is.EqualTo(new[] { "error-rate", "latency-p99", "samples", "health-failures" }));
    }
}
