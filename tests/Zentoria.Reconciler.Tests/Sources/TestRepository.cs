using System.Diagnostics;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Sources;

/// <summary>
/// A real git remote for the tests: a bare repository and a working clone in a temporary folder, with the
/// identity and configuration fixed so the machine's global git settings do not matter.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    public const string DesiredPath = "deploy";

    private readonly TemporaryFolder folder = new();

    public TestRepository()
    {
        Git(folder.Path, "init", "--quiet", "--bare", "-b", "main", Bare);
        Git(folder.Path, "init", "--quiet", "-b", "main", Work);
        Git(Work, "remote", "add", "origin", Bare);
    }

    public string Bare => folder.File("origin.git");

    public string Work => folder.File("work");

    public string StateFolder => folder.File("state");

    public static string MinimalDesiredState => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus", "minimal", "desired-state");

    /// <summary>Copies the minimal valid desired state under <see cref="DesiredPath"/>, commits and pushes; returns the SHA.</summary>
    public string CommitMinimal(string message = "minimal desired state")
    {
        CopyFolder(MinimalDesiredState, Path.Combine(Work, DesiredPath));
        return CommitAndPush(message);
    }

    public void WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(Work, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <param name="remove">A file to delete from the working clone first, relative to it.</param>
    public string CommitAndPush(string message, string branch = "main", string? remove = null)
    {
        if (remove is not null)
        {
            File.Delete(Path.Combine(Work, remove));
        }

        Git(Work, "add", "--all");
        Git(Work, "commit", "--quiet", "--allow-empty", "-m", message);
        Git(Work, "push", "--quiet", "--force", "origin", $"HEAD:refs/heads/{branch}");
        return Head();
    }

    public string Head() => Git(Work, "rev-parse", "HEAD").Trim();

    public string Git(params string[] arguments) => Git(Work, arguments);

    public void Dispose() => folder.Dispose();

    public static string Git(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_NAME"] = "Test Author";
        start.Environment["GIT_AUTHOR_EMAIL"] = "author@example.invalid";
        start.Environment["GIT_COMMITTER_NAME"] = "Test Author";
        start.Environment["GIT_COMMITTER_EMAIL"] = "author@example.invalid";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} did not finish in 30 s");
        }

        return process.ExitCode == 0 ? output
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error.Result}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
