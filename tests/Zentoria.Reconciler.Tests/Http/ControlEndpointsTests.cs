using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.Cli;
using Zentoria.Reconciler.Control;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Tests.TestSupport;

namespace Zentoria.Reconciler.Tests.Http;

[Category("Integration")]
internal sealed class ControlEndpointsTests
{
    [Test]
    public async Task Without_a_reconcile_pass_every_control_route_answers_404()
    {
        await using var op = await RunningOperator.StartAsync();

        foreach (var path in new[] { "/approve/p-1", "/suspend", "/resume/Container/web", "/override?for=1h" })
        {
            using var response = await op.Client.PostAsync(new Uri(path, UriKind.Relative), null);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
        }
    }

    [Test]
    public async Task The_approve_verb_approves_the_held_plan_through_the_api_and_the_audit_names_the_token()
    {
        await using var op = await RunningOperator.StartAsync(configureServices: services =>
            services.AddSingleton(sp => ControlStore.Open(sp.GetRequiredService<StateFolder>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>())));
        var store = op.Host.Services.GetRequiredService<ControlStore>();
        store.Hold(new PendingApproval("p-0a1b2c3d4e", "rev-a", ["Stop Container redis (CT 410) (Downtime) state: running -> stopped"], op.Time.GetUtcNow()));
        var tokenFile = Path.Combine(op.StateFolder, "..", "token");
        var wrongToken = Path.Combine(op.StateFolder, "wrong");
        await File.WriteAllTextAsync(wrongToken, "not-the-token");

        var refused = await Verb("approve", "p-0a1b2c3d4e", "--url", op.Host.Address.ToString(), "--token-file", wrongToken);
        var unknown = await Verb("approve", "p-ffffffffff", "--url", op.Host.Address.ToString(), "--token-file", tokenFile);
        var approved = await Verb("approve", "p-0a1b2c3d4e", "--url", op.Host.Address.ToString(), "--token-file", tokenFile);

        var audit = File.ReadAllLines(Path.Combine(op.StateFolder, AuditTrail.FileName)).Select(l => JsonDocument.Parse(l).RootElement).Single();
        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(refused.Error, Does.Contain("refused the token"));
            Assert.That(unknown.ExitCode, Is.EqualTo(ExitCodes.Error));
            Assert.That(unknown.Error, Does.Contain("the pending plan is p-0a1b2c3d4e"));
            Assert.That(approved.ExitCode, Is.EqualTo(ExitCodes.Ok), approved.Error);
            Assert.That(approved.Output, Does.Contain("approved by token"));
            Assert.That(store.IsApproved("p-0a1b2c3d4e", "rev-a"), Is.True);
            Assert.That(audit.GetProperty("action").GetString(), Is.EqualTo("approve"));
            Assert.That(audit.GetProperty("actor").GetString(), Is.EqualTo("token"));
            Assert.That(audit.GetProperty("revision").GetString(), Is.EqualTo("rev-a"));
            Assert.That(op.Logs.GetSnapshot().Select(r => r.Message), Has.None.Contains(RunningOperator.Token));
        });
    }

    private static async Task<(int ExitCode, string Output, string Error)> Verb(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new System.CommandLine.RootCommand { ApproveCommand.Create(), SuspendCommand.Create(suspend: true), SuspendCommand.Create(suspend: false), OverrideCommand.Create() };
        var exitCode = await root.Parse(arguments).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
