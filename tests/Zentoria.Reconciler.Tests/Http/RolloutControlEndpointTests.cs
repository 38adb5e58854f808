using System.CommandLine;
using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Http;

/// <summary><c>POST /promote/{service}</c>, <c>POST /abort/{service}</c> and their verbs against a real operator endpoint.</summary>
[Category("Integration")]
internal sealed class RolloutControlEndpointTests
{
    private const string Service = "frontend";
    private const string Idle = "redis";

    private static readonly RolloutStatus Canary = new("Canary", nameof(RolloutPhase.Progressing), "v1.5.0", "weight 25 %", 2, 3, 75, 25,
        "Pass: error-rate 0.4 %, latency-p99 0.012 s", ImmutableDictionary<string, double>.Empty.Add("error-rate", 0.4), null);

    [Test]
    public async Task Promote_without_the_token_is_refused_with_401_and_records_nothing()
    {
        await using var op = await StartAsync();

        using var response = await op.Client.PostAsync(new Uri($"/promote/{Service}", UriKind.Relative), null);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
            Assert.That(Requests(op).All, Is.Empty);
            Assert.That(File.Exists(Path.Join(op.StateFolder, RolloutRequests.FileName)), Is.False);
        });
    }

    [Test]
    public async Task Promote_with_the_token_is_accepted_with_202_and_json_recorded_on_disk_and_audited_with_the_actor()
    {
        await using var op = await StartAsync();

        using var response = await Post(op, "promote", Service);

        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var audit = await File.ReadAllTextAsync(Path.Join(op.StateFolder, "audit.jsonl"));
        var reopened = RolloutRequests.Open(StateFolder.Open(op.StateFolder, "sandbox", _ => null, op.StateFolder));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(json.RootElement.GetProperty("service").GetString(), Is.EqualTo(Service));
            Assert.That(json.RootElement.GetProperty("request").GetString(), Is.EqualTo("promote"));
            Assert.That(json.RootElement.GetProperty("actor").GetString(), Is.EqualTo("token"));
            Assert.That(json.RootElement.GetProperty("strategy").GetString(), Is.EqualTo("Canary"));
            Assert.That(json.RootElement.GetProperty("phase").GetString(), Is.EqualTo("Progressing"));
            Assert.That(json.RootElement.GetProperty("version").GetString(), Is.EqualTo("v1.5.0"));
            Assert.That(reopened.Find(Service), Is.EqualTo(new RolloutRequest(Service, RolloutRequestKind.Promote, "token", op.Time.GetUtcNow())));
            Assert.That(audit, Does.Contain("\"action\":\"promote\"").And.Contain("\"actor\":\"token\"").And.Contain("Canary release of v1.5.0, Progressing at step 2/3"));
            Assert.That(audit, Does.Not.Contain(RunningOperator.Token));
        });
    }

    [Test]
    public async Task Abort_after_promote_replaces_the_request_so_the_driver_sees_only_the_abort()
    {
        await using var op = await StartAsync();

        using var promoted = await Post(op, "promote", Service);
        using var aborted = await Post(op, "abort", Service);

        Assert.Multiple(() =>
        {
            Assert.That(aborted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(Requests(op).All, Has.Length.EqualTo(1));
            Assert.That(Requests(op).Find(Service)?.Kind, Is.EqualTo(RolloutRequestKind.Abort));
        });
    }

    [Test]
    public async Task A_service_the_desired_state_does_not_have_is_404()
    {
        await using var op = await StartAsync();

        using var response = await Post(op, "abort", "no-such-service");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("no service named 'no-such-service'"));
        Assert.That(Requests(op).All, Is.Empty);
    }

    [Test]
    public async Task An_operator_without_guest_access_answers_404_since_it_manages_no_services()
    {
        await using var op = await RunningOperator.StartAsync();

        using var response = await Post(op, "promote", Service);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not manage services"));
    }

    [TestCase(null, "no release of redis is under way; nothing to abort")]
    [TestCase(nameof(RolloutPhase.Succeeded), "the last one, of v1.5.0, ended Succeeded")]
    [TestCase(nameof(RolloutPhase.Failed), "the last one, of v1.5.0, ended Failed")]
    public async Task A_service_with_no_release_under_way_is_409_with_a_clear_message(string? lastPhase, string message)
    {
        await using var op = await StartAsync();
        if (lastPhase is not null)
        {
            op.Host.Services.GetRequiredService<StatusStore>().SetRollout(new UnitKey(UnitKind.Service, Idle), Canary with { Phase = lastPhase });
        }

        using var response = await Post(op, "abort", Idle);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
        Assert.That(Requests(op).All, Is.Empty);
        Assert.That(File.Exists(Path.Join(op.StateFolder, "audit.jsonl")) ? await File.ReadAllTextAsync(Path.Join(op.StateFolder, "audit.jsonl")) : "",
            Does.Not.Contain("\"action\":\"abort\""));
    }

    [Test]
    public async Task The_verbs_send_the_token_print_the_message_and_exit_0_when_accepted_and_1_when_refused()
    {
        await using var op = await StartAsync();
        var wrongToken = Path.Join(op.StateFolder, "wrong-token");
        await File.WriteAllTextAsync(wrongToken, "not-the-token\n");
        var url = op.Host.Address.ToString();

        var refused = await InvokeAsync("promote", Service, "--url", url, "--token-file", wrongToken);
        var conflict = await InvokeAsync("promote", Idle, "--url", url, "--token-file", op.Options.Http.TokenFile!);
        var requestsAfterRefusals = Requests(op).All.Length;
        var promoted = await InvokeAsync("promote", Service, "--url", url, "--token-file", op.Options.Http.TokenFile!);
        var aborted = await InvokeAsync("abort", Service, "--url", url, "--token-file", op.Options.Http.TokenFile!, "--json");

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(refused.Error, Does.Contain("401"));
            Assert.That(conflict.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(conflict.Error, Does.Contain("no release of redis is under way").And.Contain("409"));
            Assert.That(requestsAfterRefusals, Is.Zero);
            Assert.That(promoted.ExitCode, Is.Zero, promoted.Error);
            Assert.That(promoted.Output.Trim(), Is.EqualTo("promote of frontend v1.5.0 requested by token: the remaining steps are skipped and the new version takes all traffic"));
            Assert.That(aborted.ExitCode, Is.Zero, aborted.Error);
            Assert.That(JsonDocument.Parse(aborted.Output).RootElement.GetProperty("request").GetString(), Is.EqualTo("abort"));
            Assert.That(Requests(op).Find(Service)?.Kind, Is.EqualTo(RolloutRequestKind.Abort));
        });
    }

    [Test]
    public async Task The_verb_without_an_operator_exits_1_and_says_where_it_looked()
    {
        var port = LoopbackPort.Free();
        var token = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(token, RunningOperator.Token);
            var run = await InvokeAsync("abort", Service, "--url", $"http://127.0.0.1:{port}", "--token-file", token);

            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(run.Error, Does.Contain($"no operator answers at http://127.0.0.1:{port}"));
        }
        finally
        {
            File.Delete(token);
        }
    }

    /// <summary>An operator whose status knows two services: one with a canary release under way, one without a release.</summary>
    private static async Task<RunningOperator> StartAsync()
    {
        var op = await RunningOperator.StartAsync(configureServices: services =>
        {
            services.AddSingleton(sp => RolloutRequests.Open(sp.GetRequiredService<StateFolder>()));
            services.AddSingleton<RolloutControl>();
        });
        var status = op.Host.Services.GetRequiredService<StatusStore>();
        status.AcceptDesired("rev-1", [new UnitKey(UnitKind.Service, Service), new UnitKey(UnitKind.Service, Idle)]);
        status.SetRollout(new UnitKey(UnitKind.Service, Service), Canary);
        return op;
    }

    private static RolloutRequests Requests(RunningOperator op) => op.Host.Services.GetRequiredService<RolloutRequests>();

    private static async Task<HttpResponseMessage> Post(RunningOperator op, string verb, string service)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{verb}/{service}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningOperator.Token);
        return await op.Client.SendAsync(request);
    }

    private static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { RolloutCommand.Create(RolloutRequestKind.Promote), RolloutCommand.Create(RolloutRequestKind.Abort) };
        var exitCode = await root.Parse(arguments).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
