using System.Diagnostics;

namespace Zentoria.Reconciler.Benchmarks;

/// <summary>Runs git for the benchmark's repository with a fixed identity and none of the machine's configuration.</summary>
internal static class GitCli
{
    public static string Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var name in new[] { "GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME" })
        {
            start.Environment[name] = "Benchmark";
        }

        foreach (var name in new[] { "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL" })
        {
            start.Environment[name] = "benchmark@example.invalid";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run git");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} did not finish in 60 s");
        }

        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
    }
}
