using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Sources;

internal sealed class GitRunnerTests
{
    [Test]
    public async Task A_command_past_its_time_limit_is_killed_and_reported_as_timed_out()
    {
        // A loopback server that accepts and never answers: git waits on it until the limit.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var time = new FakeTimeProvider();
        using var folder = new TemporaryFolder();
        // No proxy: git must connect to the loopback listener itself.
        var noProxy = new Dictionary<string, string?> { ["http_proxy"] = "", ["HTTP_PROXY"] = "", ["all_proxy"] = "", ["ALL_PROXY"] = "" };
        var runner = new GitRunner(noProxy, TimeSpan.FromSeconds(30), time, new SecretRedactor(), NullLogger.Instance);

        var running = runner.RunAsync(["ls-remote", $"http://127.0.0.1:{port}/repo.git"], folder.Path, CancellationToken.None);
        using var accepted = await silent.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(30));
        var result = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(result.TimedOut, Is.True);
        Assert.That(GitFailures.Classify(result), Is.EqualTo(SourceFailureKind.TimedOut));
    }

    [Test]
    public async Task The_token_reaches_git_as_an_extra_header_through_the_environment_only()
    {
        using var folder = new TemporaryFolder();
        var tokenFile = folder.File("token");
        await File.WriteAllTextAsync(tokenFile, "tok-0123456789abcdef\n");
        var redactor = new SecretRedactor();
        var environment = GitCredentials.Environment(new GitSourceOptions { Repository = "https://example.invalid/r.git", TokenFile = tokenFile }, redactor);
        var runner = new GitRunner(environment, TimeSpan.FromSeconds(30), TimeProvider.System, redactor, NullLogger.Instance);

        var result = await runner.RunAsync(["config", "--get", "http.extraheader"], folder.Path, CancellationToken.None);

        var expected = "Authorization: Basic " + Convert.ToBase64String("x-access-token:tok-0123456789abcdef"u8.ToArray());
        Assert.That(result.Output.Trim(), Is.EqualTo(expected));
        Assert.That(environment.Values, Has.None.Contains("tok-0123456789abcdef"), "only the encoded header travels");
    }
}
