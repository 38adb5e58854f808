using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Tests.DesiredState;
using Zentoria.Reconciler.Tests.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary>
/// The acceptance run: <c>sandbox --source git</c> as a child process, following a bare repository on disk through a
/// poll and then a signed webhook, with <c>status</c> showing the commit it enforces.
/// </summary>
[Category("Integration")]
internal sealed partial class SandboxGitTests
{
    private const string Secret = "sandbox-git-webhook-secret-9f";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Sandbox_follows_a_git_repository_to_each_new_commit_and_status_shows_its_sha()
    {
        using var folder = new TemporaryFolder();
        using var repository = new TestRepository();
        OperatorOnSimulator.Copy(Path.Join(RepositoryRoot.Path, "desired-state"), Path.Join(repository.Work, "desired-state"));
        var first = repository.CommitAndPush("the stack");
        await File.WriteAllTextAsync(folder.File("webhook-secret"), Secret);
        using var child = ChildProcess.Start(folder.Path, null,
            "sandbox", "--source", "git", "--repo", "file://" + repository.Bare, "--branch", "main", "--path", "desired-state",
            "--poll-interval", "1s", "--webhook-secret-file", folder.File("webhook-secret"),
            "--listen", "127.0.0.1:0", "--state-dir", folder.File("state"));
        Assert.That(await ChildProcess.UntilAsync(() => child.Output.Contains("Press Ctrl+C", StringComparison.Ordinal), Limit), Is.True, child.Error);
        using var http = new HttpClient { BaseAddress = new Uri(Endpoint().Match(child.Output).Groups[1].Value), Timeout = TimeSpan.FromSeconds(10) };
        var atFirst = await ConvergedAtAsync(http, first);

        var polled = Commit(repository, "  network: { ip: 127.0.2.250/8 }", "  network: { ip: 127.0.2.250/8 }\n  resources: { memoryMiB: 1536 }", "redis: more memory");
        var byPoll = await UntilConvergedAsync(http, polled);
        var pushed = Commit(repository, "  network: { ip: 127.0.2.240/8 }", "  network: { ip: 127.0.2.240/8 }\n  resources: { memoryMiB: 1536 }", "frontend: less memory");
        using var webhook = await WebhookAsync(http, repository.Head());
        var byWebhook = await UntilConvergedAsync(http, pushed);
        var table = await StatusVerbAsync(http.BaseAddress!);
        child.Interrupt();
        var exitCode = await child.ExitCodeAsync(Limit);

        Assert.Multiple(() =>
        {
            Assert.That(atFirst, Is.True, child.Error);
            Assert.That(byPoll, Is.True, child.Error);
            Assert.That(webhook.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(byWebhook, Is.True, child.Error);
            Assert.That(table, Does.Contain($"revision {pushed}"));
            Assert.That(exitCode, Is.Zero, child.Error);
        });
    }

    private static string Commit(TestRepository repository, string find, string replaceWith, string message)
    {
        var path = Path.Join(repository.Work, "desired-state", "environments", "sandbox", "stack.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(find, replaceWith, StringComparison.Ordinal));
        return repository.CommitAndPush(message);
    }

    private static async Task<bool> UntilConvergedAsync(HttpClient http, string revision)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (await ConvergedAtAsync(http, revision))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TimeProvider.System);
        }

        return false;
    }

    // Every container Synced and Healthy, reconciled at that revision, and the environment enforcing it.
    private static async Task<bool> ConvergedAtAsync(HttpClient http, string revision)
    {
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri("status", UriKind.Relative)));
        var root = status.RootElement;
        var containers = root.GetProperty("units").EnumerateArray().Where(u => u.GetProperty("kind").GetString() == "Container").ToList();
        return root.GetProperty("revision").GetString() == revision && containers.Count == 7 && containers.All(u =>
            u.GetProperty("sync").GetString() == "Synced" && u.GetProperty("health").GetString() == "Healthy" && u.GetProperty("revision").GetString() == revision);
    }

    private static async Task<HttpResponseMessage> WebhookAsync(HttpClient http, string after)
    {
        using var request = GitPush.Request("webhook/git", after, Secret);
        return await http.SendAsync(request);
    }

    private static async Task<string> StatusVerbAsync(Uri address)
    {
        using var output = new StringWriter();
        var root = new System.CommandLine.RootCommand { StatusCommand.Create() };
        await root.Parse(["status", "--url", address.ToString()]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = TextWriter.Null });
        return output.ToString();
    }

    [GeneratedRegex(@"(http://127\.0\.0\.1:\d+/)metrics")]
    private static partial Regex Endpoint();
}
