using System.CommandLine;
using Zentoria.Reconciler.Cli;

namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>What a user sees from <c>zentoria-reconciler validate ...</c>, run in-process.</summary>
internal sealed record ValidateRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<ValidateRun> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { ValidateCommand.Create() };
        var exitCode = await root.Parse(["validate", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new ValidateRun(exitCode, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }
}
