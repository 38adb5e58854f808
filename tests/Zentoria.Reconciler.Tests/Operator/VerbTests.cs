using System.Text.Json;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

[TestFixture]
[Parallelizable(ParallelScope.All)]
internal sealed class VerbTests
{
    [Test]
    public async Task Apply_once_converges_the_environment_and_exits_zero()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var variable = PointAtSimulator(op);
        System.Environment.SetEnvironmentVariable(variable, op.Simulator.Token);
        try
        {
            var run = await VerbRun.InvokeAsync("apply", "--env", "sandbox", "--once", "--timeout", "60s",
                "--desired-state", op.DesiredRoot, "--state-dir", op.StateFolder + "-apply");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.Zero, run.Error);
                Assert.That(run.Output, Does.Contain("apply: converged"));
                Assert.That(op.Live(444).Running, Is.True);
                Assert.That(op.Calls(Routes.Create), Is.EqualTo(1));
            });
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task Apply_once_exits_one_when_a_container_stalls()
    {
        await using var op = await OperatorOnSimulator.StartAsync(edit: o => o.Overlay("127.0.2.241/8", "  resources: { diskGiB: 8 }"));
        var variable = PointAtSimulator(op);
        System.Environment.SetEnvironmentVariable(variable, op.Simulator.Token);
        try
        {
            var run = await VerbRun.InvokeAsync("apply", "--env", "sandbox", "--once", "--timeout", "60s",
                "--desired-state", op.DesiredRoot, "--state-dir", op.StateFolder + "-apply");

            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(1));
                Assert.That(run.Output, Does.Contain("apply: stalled"));
                Assert.That(run.Output, Does.Contain("never shrinks"));
            });
        }
        finally
        {
            System.Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task Run_without_the_proxmox_token_says_so_in_one_line_and_exits_one()
    {
        await using var op = await OperatorOnSimulator.StartAsync();
        var variable = PointAtSimulator(op);

        var run = await VerbRun.InvokeAsync("run", "--env", "sandbox", "--desired-state", op.DesiredRoot, "--listen", "127.0.0.1:0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error.Trim(), Is.EqualTo($"error: environment 'sandbox': the environment variable {variable} holding the Proxmox API token is not set"));
        });
    }

    [Test]
    public async Task Run_with_an_unknown_environment_lists_the_known_ones_and_exits_one()
    {
        var run = await VerbRun.InvokeAsync("run", "--env", "nowhere", "--desired-state", Path.Join(RepositoryRoot.Path, "desired-state"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.Contain("environment 'nowhere' does not exist"));
        });
    }

    [Test]
    public async Task Status_prints_the_running_operators_units_as_a_table_or_as_json()
    {
        await using var op = await RunningOperator.StartAsync();
        var url = op.Host.Address.GetLeftPart(UriPartial.Authority);

        var table = await VerbRun.InvokeAsync("status", "--url", url);
        var json = await VerbRun.InvokeAsync("status", "--json", "--url", url);

        Assert.Multiple(() =>
        {
            Assert.That(table.ExitCode, Is.Zero, table.Error);
            Assert.That(table.Output, Does.StartWith("Environment sandbox"));
            Assert.That(table.Output, Does.Contain("KIND"));
            Assert.That(json.ExitCode, Is.Zero, json.Error);
            Assert.That(JsonDocument.Parse(json.Output).RootElement.GetProperty("environment").GetString(), Is.EqualTo("sandbox"));
        });
    }

    [Test]
    public async Task Status_without_a_running_operator_says_where_it_looked_and_exits_one()
    {
        var run = await VerbRun.InvokeAsync("status", "--url", "http://127.0.0.1:1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Does.StartWith("error: no operator answers at http://127.0.0.1:1"));
        });
    }

    // The copied sandbox environment pointed at this test's simulator, its token in a variable only this test sets.
    private static string PointAtSimulator(OperatorOnSimulator op)
    {
        var variable = "ZENTORIA_TEST_TOKEN_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        op.Edit("environments/sandbox/environment.yaml", "url: http://127.0.0.1:18006", "url: " + op.Simulator.BaseUrl.GetLeftPart(UriPartial.Authority));
        op.Edit("environments/sandbox/environment.yaml", "tokenEnv: ZENTORIA_PROXMOX_TOKEN", "tokenEnv: " + variable);
        return variable;
    }
}
