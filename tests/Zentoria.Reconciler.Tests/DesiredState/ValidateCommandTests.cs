using System.Text.Json;
using Zentoria.Reconciler.Cli;

namespace Zentoria.Reconciler.Tests.DesiredState;

internal sealed class ValidateCommandTests
{
    [Test]
    public async Task With_json_the_errors_are_printed_to_standard_output_as_an_array_of_objects()
    {
        using var folder = DesiredStateFolder.FromMinimal(new Dictionary<string, string>
        {
            ["environments/test/sizes.yaml"] = "apiVersion: zentoria.ai/v1\nkind: Container\nmetadata: { name: nginx }\nspec: { resources: { cores: 0 } }\n",
        });

        var run = await ValidateRun.InvokeAsync("--env", "test", "--desired-state", folder.Root, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.Error, Is.Empty);
        using var json = JsonDocument.Parse(run.Output);
        var error = json.RootElement.EnumerateArray().Single();
        Assert.That(folder.Relative(error.GetProperty("file").GetString()!), Is.EqualTo("desired-state/environments/test/sizes.yaml"));
        Assert.That(error.GetProperty("line").GetInt32(), Is.EqualTo(4));
        Assert.That(error.GetProperty("column").GetInt32(), Is.EqualTo(29));
        Assert.That(error.GetProperty("path").GetString(), Is.EqualTo("containers[nginx].resources.cores"));
        Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("must be between 1 and 8192, not 0"));
    }

    [Test]
    public async Task With_json_a_valid_desired_state_prints_an_empty_array_and_exits_0()
    {
        using var folder = DesiredStateFolder.FromMinimal();

        var run = await ValidateRun.InvokeAsync("--env", "test", "--desired-state", folder.Root, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Output.Trim(), Is.EqualTo("[]"));
    }

    [Test]
    public async Task An_unknown_environment_lists_the_environments_that_exist()
    {
        using var folder = DesiredStateFolder.FromMinimal();

        var run = await ValidateRun.InvokeAsync("--env", "prod", "--desired-state", folder.Root);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.ErrorLines.Select(folder.Relative), Is.EqualTo(new[]
        {
            "desired-state/environments: environment 'prod' does not exist; the environments are: test",
            "1 error in the desired state of 'prod'",
        }));
    }

    [Test]
    public async Task Without_env_it_explains_the_missing_option_and_exits_1()
    {
        var run = await ValidateRun.InvokeAsync();

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
        Assert.That(run.Error, Does.Contain("--env"));
    }

    [Test]
    public async Task Help_explains_the_verb_to_a_newcomer()
    {
        var run = await ValidateRun.InvokeAsync("--help");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok));
        Assert.That(run.Output, Does.Contain("base/").And.Contain("environments/<name>/").And.Contain("file:line:column")
            .And.Contain("--env").And.Contain("--desired-state").And.Contain("--json").And.Contain("Exit codes"));
    }
}
