using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Hosting;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Http;

[Category("Integration")]
internal sealed class OperatorEndpointsTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Reconcile_without_a_token_is_refused_with_401()
    {
        await using var op = await RunningOperator.StartAsync();

        using var response = await op.Client.PostAsync(new Uri("/reconcile", UriKind.Relative), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [TestCase("Bearer not-the-token")]
    [TestCase("Bearer " + RunningOperator.Token + "x")]
    [TestCase("Basic " + RunningOperator.Token)]
    [TestCase(RunningOperator.Token)]
    public async Task Reconcile_with_a_wrong_token_is_refused_with_401(string authorization)
    {
        await using var op = await RunningOperator.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reconcile");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await op.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Reconcile_with_the_token_triggers_a_pass()
    {
        var passes = new SemaphoreSlim(0);
        await using var op = await RunningOperator.StartAsync(configureServices: services =>
            services.AddSingleton(new PassRunner(_ =>
            {
                passes.Release();
                return Task.FromResult(PassResult.NothingToDo);
            })));
        Assert.That(await passes.WaitAsync(Guard), Is.True, "the pass at start");

        using var response = await PostReconcile(op, RunningOperator.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await passes.WaitAsync(Guard), Is.True, "a second pass without any time passing");
    }

    [Test]
    public async Task Without_a_configured_token_reconcile_is_always_refused()
    {
        await using var op = await RunningOperator.StartAsync(o =>
        {
            o.Http.TokenFile = null;
            o.Http.TokenVariable = "ZENTORIA_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        });

        using var response = await PostReconcile(op, "");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Reconcile_is_not_reachable_with_get()
    {
        await using var op = await RunningOperator.StartAsync();

        using var response = await op.Client.GetAsync(new Uri("/reconcile", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task The_token_never_appears_in_logs_or_the_state_folder()
    {
        await using var op = await RunningOperator.StartAsync();
        using (await PostReconcile(op, "wrong-" + RunningOperator.Token))
        using (await PostReconcile(op, RunningOperator.Token))
        using (await op.Client.GetAsync(new Uri("/status", UriKind.Relative)))
        {
        }

        var logs = op.Logs.GetSnapshot();
        Assert.That(logs, Is.Not.Empty);
        Assert.That(logs.Select(r => r.Message + r.Exception + string.Join(",", r.StructuredState ?? [])), Has.None.Contains(RunningOperator.Token));
        var stateFiles = Directory.GetFiles(op.StateFolder, "*", SearchOption.AllDirectories);
        Assert.That(stateFiles.Select(File.ReadAllText), Has.None.Contains(RunningOperator.Token));
    }

    [Test]
    public async Task Status_is_json_with_the_documented_unit_shape()
    {
        await using var op = await RunningOperator.StartAsync();
        var store = op.Host.Services.GetRequiredService<StatusStore>();
        var postgres = new UnitKey(UnitKind.Service, "postgres");
        store.AcceptDesired("rev-1", [postgres]);
        store.Record(postgres, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, "rev-1");

        using var response = await op.Client.GetAsync(new Uri("/status", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        var unit = json.RootElement.GetProperty("units")[0];
        Assert.That(unit.GetProperty("kind").GetString(), Is.EqualTo("Service"));
        Assert.That(unit.GetProperty("name").GetString(), Is.EqualTo("postgres"));
        Assert.That(unit.GetProperty("sync").GetString(), Is.EqualTo("Synced"));
        Assert.That(unit.GetProperty("health").GetString(), Is.EqualTo("Healthy"));
        Assert.That(unit.GetProperty("phase").GetString(), Is.EqualTo("Ready"));
        Assert.That(unit.GetProperty("message").GetString(), Is.Not.Empty);
        Assert.That(unit.GetProperty("revision").GetString(), Is.EqualTo("rev-1"));
    }

    [Test]
    public async Task Healthz_fails_once_no_pass_has_started_within_the_liveness_window()
    {
        await using var op = await RunningOperator.StartAsync();

        using (var fresh = await op.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // Only the clock moves: the loop's own timer would fire too, so stop the loop first.
        await op.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReconcilerService>().Single().StopAsync(CancellationToken.None);
        op.Time.Advance(op.Options.Loop.LivenessWindow + TimeSpan.FromSeconds(1));

        using var stale = await op.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
    }

    [Test]
    public async Task Readyz_fails_until_live_state_has_been_observed()
    {
        var observe = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var passDone = new SemaphoreSlim(0);
        await using var op = await RunningOperator.StartAsync(configureServices: services =>
            services.AddSingleton(new PassRunner(async _ =>
            {
                var observed = await observe.Task;
                passDone.Release();
                return PassResult.NothingToDo with { Observed = observed };
            })));

        using (var before = await op.Client.GetAsync(new Uri("/readyz", UriKind.Relative)))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        observe.SetResult(true);
        Assert.That(await passDone.WaitAsync(Guard), Is.True);
        // The status is published right after the pass returns; a bounded number of polls covers that gap.
        var ready = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 100 && ready != HttpStatusCode.OK; attempt++)
        {
            using var after = await op.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            ready = after.StatusCode;
        }

        Assert.That(ready, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Metrics_pass_the_real_promtool_check()
    {
        const string promtool = "/usr/bin/promtool";
        Assert.That(File.Exists(promtool), Is.True, "Debian's prometheus package provides promtool; scripts/test.sh installs it");
        await using var op = await RunningOperator.StartAsync();
        var metrics = op.Host.Services.GetRequiredService<Zentoria.Reconciler.Observability.OperatorMetrics>();
        var backend = new UnitKey(UnitKind.Container, "backend");
        metrics.DeclareUnits([backend]);
        metrics.SetUnitState(backend, SyncStatus.Synced, HealthStatus.Healthy);
        metrics.DeclareActions(UnitKind.Container, ["start"]);
        metrics.ActionCompleted(UnitKind.Container, "start", succeeded: true, TimeSpan.FromSeconds(2));
        metrics.ProxmoxRequestCompleted("GET", "/cluster/resources", 200, TimeSpan.FromMilliseconds(4));

        using var response = await op.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var (exitCode, output) = await RunAsync(promtool, "check metrics", text);

        Assert.That(response.Content.Headers.ContentType!.ToString(), Does.StartWith("text/plain; version=0.0.4"));
        Assert.That(text, Does.Contain("zentoria_reconcile_total{result=\"success\"}"));
        Assert.That(exitCode, Is.Zero, output);
    }

    private static async Task<HttpResponseMessage> PostReconcile(RunningOperator op, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/reconcile");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await op.Client.SendAsync(request);
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string program, string arguments, string input)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
