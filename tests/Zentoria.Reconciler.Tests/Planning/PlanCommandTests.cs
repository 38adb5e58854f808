using System.CommandLine;
using System.Text.Json;
using Zentoria.Reconciler.Cli;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class PlanCommandTests
{
    private static (int Exit, string Output, string Error) Plan(params string[] args)
    {
        var root = new RootCommand { PlanCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = root.Parse(["plan", "--desired-state", RepositoryFiles.PathOf("desired-state"), .. args])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string Sample(string name) => RepositoryFiles.PathOf($"examples/live-snapshots/{name}.json");

    [Test]
    public void The_drifted_sandbox_sample_plans_changes_and_exits_2()
    {
        var (exit, output, error) = Plan("--env", "sandbox", "--live-snapshot", Sample("sandbox-drifted"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Changes), error);
        Assert.That(output, Does.Contain("~ Container qdrant (CT 443): start"));
        Assert.That(output, Does.Contain("~ resources.memoryMiB: 2048 -> 4096"));
        Assert.That(output, Does.Contain("+ Container ai (CT 444): create"));
        Assert.That(output, Does.Contain("~ version: v1.4.1 -> v1.4.2"));
        Assert.That(output, Does.Contain("~ flags.websocket-compression.rollout: 25 -> 50"));
        Assert.That(output, Does.EndWith("Plan: 1 to create, 4 to change, 0 to destroy, 0 to restart.\n"));
        Assert.That(output, Does.Not.Contain("\u001b["));
    }

    [Test]
    public void The_converged_sandbox_sample_has_nothing_to_do_and_exits_0()
    {
        var (exit, output, error) = Plan("--env", "sandbox", "--live-snapshot", Sample("sandbox-converged"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error + output);
        Assert.That(output, Does.StartWith("No changes. Live state matches the desired state of sandbox"));
    }

    [Test]
    public void With_json_the_plan_is_printed_as_json()
    {
        var (exit, output, _) = Plan("--env", "sandbox", "--live-snapshot", Sample("sandbox-drifted"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.That(exit, Is.EqualTo(ExitCodes.Changes));
        Assert.That(json.RootElement.GetProperty("environment").GetString(), Is.EqualTo("sandbox"));
        Assert.That(json.RootElement.GetProperty("steps").GetArrayLength(), Is.EqualTo(6));
    }

    [Test]
    public void A_bad_snapshot_is_one_line_and_exits_1()
    {
        var file = Path.Combine(TestContext.CurrentContext.WorkDirectory, "bad-snapshot.json");
        File.WriteAllText(file, "{\"containers\": [}");

        var (exit, output, error) = Plan("--env", "sandbox", "--live-snapshot", file);

        Assert.That(exit, Is.EqualTo(ExitCodes.Error));
        Assert.That(output, Is.Empty);
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(error, Does.StartWith($"{file}:1:"));
    }

    [Test]
    public void An_unknown_environment_prints_the_loader_errors_and_exits_1()
    {
        var (exit, _, error) = Plan("--env", "nowhere", "--live-snapshot", Sample("sandbox-converged"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Error));
        Assert.That(error, Does.Contain("environment 'nowhere' does not exist"));
    }

    [Test]
    public void The_snapshot_is_required()
    {
        var (exit, _, error) = Plan("--env", "sandbox");

        Assert.That(exit, Is.Not.EqualTo(ExitCodes.Ok));
        Assert.That(error, Does.Contain("--live-snapshot"));
    }
}
