using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Operator;

/// <summary><c>promote</c> and <c>abort</c> as the fully wired operator (sandbox desired state, simulator, simulated guests) answers them.</summary>
[Category("Integration")]
internal sealed class RolloutControlOperatorTests
{
    private const string Gateway = "mcp-gateway";

    [Test]
    public async Task The_wired_operator_refuses_a_rolling_service_and_an_idle_release_and_records_an_abort_of_one_under_way()
    {
        await using var stack = await ServiceStack.StartAsync(behind: null);
        await stack.PassAsync();
        var services = stack.Operator.Host.Services;
        var control = services.GetRequiredService<RolloutControl>();

        var rolling = control.Ask(ServiceStack.Orchestrator, RolloutRequestKind.Promote, "ops");
        var idle = control.Ask(Gateway, RolloutRequestKind.Abort, "ops");
        services.GetRequiredService<RolloutReporter>().Report(new UnitKey(UnitKind.Service, Gateway),
            new RolloutStatus("BlueGreen", nameof(RolloutPhase.Progressing), "v1.4.3", "SwitchToClone", 5, 9, 100, 0, null, ImmutableDictionary<string, double>.Empty, null));
        var underWay = control.Ask(Gateway, RolloutRequestKind.Abort, "ops");

        var audit = stack.Audit(Gateway).Where(e => e.GetProperty("action").GetString() == "abort").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rolling.Outcome, Is.EqualTo(RolloutControlOutcome.NotProgressive));
            Assert.That(rolling.Message, Does.Contain("ai-orchestrator is updated with the Rolling strategy"));
            Assert.That(idle.Outcome, Is.EqualTo(RolloutControlOutcome.NoReleaseUnderWay));
            Assert.That(underWay.Outcome, Is.EqualTo(RolloutControlOutcome.Accepted), underWay.Message);
            Assert.That(services.GetRequiredService<RolloutRequests>().Find(Gateway)?.Kind, Is.EqualTo(RolloutRequestKind.Abort));
            Assert.That(File.ReadAllText(Path.Join(stack.Operator.StateFolder, RolloutRequests.FileName)), Does.Contain("\"actor\": \"ops\""));
            Assert.That(audit, Has.Count.EqualTo(1));
            Assert.That(audit[0].GetProperty("actor").GetString(), Is.EqualTo("ops"));
        });
    }
}
