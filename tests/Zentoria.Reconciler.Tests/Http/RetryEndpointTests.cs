using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Services;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Http;

/// <summary><c>POST /retry/{service}</c> and the <c>retry</c> verb against a real operator endpoint.</summary>
[Category("Integration")]
internal sealed class RetryEndpointTests
{
    private const string Service = "mcp-gateway";

    [Test]
    public async Task Retry_without_the_token_is_refused_with_401_and_forgets_nothing()
    {
        await using var op = await StartAsync();

        using var response = await op.Client.PostAsync(new Uri($"/retry/{Service}", UriKind.Relative), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(Failures(op).All, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Retry_with_the_token_is_accepted_with_202_forgets_the_failed_version_and_audits_it()
    {
        await using var op = await StartAsync();

        using var response = await Post(op, Service, RunningOperator.Token);

        var audit = await File.ReadAllTextAsync(Path.Join(op.StateFolder, "audit.jsonl"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(Failures(op).All, Is.Empty);
            Assert.That(File.ReadAllText(Path.Join(op.StateFolder, FailedDeployments.FileName)), Does.Not.Contain("v1.4.2"));
            Assert.That(audit, Does.Contain("\"action\":\"retry\"").And.Contain("v1.4.2 failed at revision rev-1"));
        });
    }

    [Test]
    public async Task Retry_of_a_service_the_desired_state_does_not_have_is_404()
    {
        await using var op = await StartAsync();

        using var response = await Post(op, "no-such-service", RunningOperator.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Failures(op).All, Has.Length.EqualTo(1));
    }

    [Test]
    public async Task The_retry_verb_sends_the_token_from_its_file_and_exits_0_when_accepted()
    {
        await using var op = await StartAsync();
        var wrongToken = Path.Join(op.StateFolder, "wrong-token");
        await File.WriteAllTextAsync(wrongToken, "not-the-token\n");

        var refused = await InvokeAsync("retry", Service, "--url", op.Host.Address.ToString(), "--token-file", wrongToken);
        var failuresAfterRefusal = Failures(op).All.Length;
        var accepted = await InvokeAsync("retry", Service, "--url", op.Host.Address.ToString(), "--token-file", op.Options.Http.TokenFile!);

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(refused.Error, Does.Contain("401"));
            Assert.That(failuresAfterRefusal, Is.EqualTo(1));
            Assert.That(accepted.ExitCode, Is.Zero, accepted.Error);
            Assert.That(accepted.Output, Does.Contain($"retrying {Service}"));
            Assert.That(Failures(op).All, Is.Empty);
        });
    }

    /// <summary>An operator whose status knows the service and which remembers a failed version of it.</summary>
    private static async Task<RunningOperator> StartAsync()
    {
        var op = await RunningOperator.StartAsync(configureServices: services =>
        {
            services.AddSingleton(sp => FailedDeployments.Open(sp.GetRequiredService<StateFolder>()));
            services.AddSingleton<ServiceRetry>();
        });
        op.Host.Services.GetRequiredService<StatusStore>().AcceptDesired("rev-1", [new UnitKey(UnitKind.Service, Service)]);
        Failures(op).Remember(new FailedDeployment(Service, "v1.4.2", "rev-1", "v1.4.2 failed its health check.", true, op.Time.GetUtcNow()));
        return op;
    }

    private static FailedDeployments Failures(RunningOperator op) => op.Host.Services.GetRequiredService<FailedDeployments>();

    private static async Task<HttpResponseMessage> Post(RunningOperator op, string service, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/retry/{service}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await op.Client.SendAsync(request);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { RetryCommand.Create() };
        var exitCode = await root.Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
