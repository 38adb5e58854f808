using System.CommandLine;
using Zentoria.Reconciler.Cli;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>What a user sees from one of the operator verbs, run in-process (logs still go to the process's stderr).</summary>
internal sealed record VerbRun(int ExitCode, string Output, string Error)
{
    public static async Task<VerbRun> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { RunCommand.Create(), ApplyCommand.Create(), StatusCommand.Create(), SandboxCommand.Create() };
        var exitCode = await root.Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new VerbRun(exitCode, output.ToString(), error.ToString());
    }
}
