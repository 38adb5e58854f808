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
    public void With_approval_required_the_plan_names_the_id_that_approve_takes_for_that_revision()
    {
        using var folder = new TestSupport.TemporaryFolder();
        Operator.OperatorOnSimulator.Copy(RepositoryFiles.PathOf("desired-state"), folder.File("desired-state"));
        var environment = folder.File("desired-state/environments/sandbox/environment.yaml");
        File.WriteAllText(environment, File.ReadAllText(environment).Replace("approval: { required: false }", "approval: { required: true }", StringComparison.Ordinal));
        (int, string) PlanAt(string revision)
        {
            var root = new RootCommand { PlanCommand.Create() };
            using var output = new StringWriter();
            var exit = root.Parse(["plan", "--desired-state", folder.File("desired-state"), "--env", "sandbox", "--live-snapshot", Sample("sandbox-drifted"), "--revision", revision])
                .Invoke(new InvocationConfiguration { Output = output, Error = TextWriter.Null });
            return (exit, output.ToString());
        }

        var (exit, output) = PlanAt("0123456789abcdef");
        var (_, other) = PlanAt("fedcba9876543210");

        var id = System.Text.RegularExpressions.Regex.Match(output, "plan (p-[0-9a-f]{10}) holds 1 disruptive step").Groups[1].Value;
        Assert.That(exit, Is.EqualTo(ExitCodes.Changes));
        Assert.That(output, Does.Contain($"Approval required: plan {id} holds 1 disruptive step(s) at revision 0123456789abcdef; once the operator holds it, run: zentoria-reconciler approve {id}"));
        Assert.That(other, Does.Not.Contain(id), "an approval id is for one revision");
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
