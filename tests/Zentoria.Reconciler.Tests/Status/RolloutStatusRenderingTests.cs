using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Status;

/// <summary><c>status</c> and <c>status --json</c> show each service's release, read from a real operator's <c>/status</c>.</summary>
[Category("Integration")]
internal sealed class RolloutStatusRenderingTests
{
    private static readonly UnitKey Frontend = new(UnitKind.Service, "frontend");
    private static readonly UnitKey Gateway = new(UnitKind.Service, "mcp-gateway");
    private static readonly UnitKey Redis = new(UnitKind.Service, "redis");

    private static readonly RolloutStatus Canary = new("Canary", nameof(RolloutPhase.Paused), "v1.5.0", "weight 25 %", 2, 3, 75, 25,
        "Inconclusive: 12 requests in 1m, fewer than the 20 needed",
        ImmutableDictionary<string, double>.Empty.Add("error-rate", 0.4).Add("latency-p99", 0.0126).Add("samples", 12),
        new DateTimeOffset(2026, 11, 26, 11, 58, 0, TimeSpan.Zero));

    private static readonly RolloutStatus BlueGreen = new("BlueGreen", nameof(RolloutPhase.Progressing), "v1.4.3", "SwitchToClone", null, 9, 100, 0,
        null, ImmutableDictionary<string, double>.Empty, null);

    [Test]
    public async Task The_status_table_has_one_release_line_per_service_with_a_release_and_none_for_the_others()
    {
        await using var op = await StartAsync();

        var run = await InvokeAsync("status", "--url", op.Host.Address.ToString());

        var releases = run.Output.Split('\n').SkipWhile(l => l != "Releases:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            Assert.That(releases, Is.EqualTo(new[]
            {
                "  frontend: Canary Paused v1.5.0, step 2/3 (weight 25 %), stable 75 % / canary 25 %, analysis: Inconclusive: 12 requests in 1m, fewer than the 20 needed (error-rate 0.4, latency-p99 0.013, samples 12), started 2026-11-26 11:58:00Z",
                "  mcp-gateway: BlueGreen Progressing v1.4.3, next SwitchToClone, stable 100 % / canary 0 %, analysis: none yet",
            }));
        });
    }

    [Test]
    public async Task Status_json_carries_the_release_with_the_documented_field_names()
    {
        await using var op = await StartAsync();

        var run = await InvokeAsync("status", "--json", "--url", op.Host.Address.ToString());

        using var json = JsonDocument.Parse(run.Output);
        var units = json.RootElement.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        var rollout = units["frontend"].GetProperty("rollout");
        Assert.Multiple(() =>
        {
            Assert.That(rollout.GetProperty("strategy").GetString(), Is.EqualTo("Canary"));
            Assert.That(rollout.GetProperty("phase").GetString(), Is.EqualTo("Paused"));
            Assert.That(rollout.GetProperty("version").GetString(), Is.EqualTo("v1.5.0"));
            Assert.That(rollout.GetProperty("step").GetString(), Is.EqualTo("weight 25 %"));
            Assert.That(rollout.GetProperty("stepIndex").GetInt32(), Is.EqualTo(2));
            Assert.That(rollout.GetProperty("stepCount").GetInt32(), Is.EqualTo(3));
            Assert.That(rollout.GetProperty("stableWeight").GetInt32(), Is.EqualTo(75));
            Assert.That(rollout.GetProperty("canaryWeight").GetInt32(), Is.EqualTo(25));
            Assert.That(rollout.GetProperty("analysis").GetString(), Does.StartWith("Inconclusive"));
            Assert.That(rollout.GetProperty("values").GetProperty("latency-p99").GetDouble(), Is.EqualTo(0.0126));
            Assert.That(rollout.GetProperty("startedAt").GetString(), Is.EqualTo("2026-11-26T11:58:00+00:00"));
            Assert.That(units["mcp-gateway"].GetProperty("rollout").GetProperty("stepIndex").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(units["redis"].GetProperty("rollout").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task A_secret_in_the_analysis_text_is_redacted_in_status_and_its_json()
    {
        await using var op = await StartAsync();
        op.Host.Services.GetRequiredService<StatusStore>().SetRollout(Frontend,
            Canary with { Analysis = $"Inconclusive: Prometheus at 127.0.0.1:9090 refused bearer {RunningOperator.Token}" });

        var table = await InvokeAsync("status", "--url", op.Host.Address.ToString());
        var json = await InvokeAsync("status", "--json", "--url", op.Host.Address.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(table.Output, Does.Contain("refused bearer ").And.Not.Contain(RunningOperator.Token));
            Assert.That(json.Output, Does.Contain("refused bearer ").And.Not.Contain(RunningOperator.Token));
        });
    }

    private static async Task<RunningOperator> StartAsync()
    {
        var op = await RunningOperator.StartAsync();
        var status = op.Host.Services.GetRequiredService<StatusStore>();
        status.AcceptDesired("rev-1", [Frontend, Gateway, Redis]);
        status.SetRollout(Frontend, Canary);
        status.SetRollout(Gateway, BlueGreen);
        return op;
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { StatusCommand.Create() };
        var exitCode = await root.Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
