using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class WaveOrderTests
{
    private static Desired Stack() => Specs.Desired(
        [
            Specs.Container("frontend", 440), Specs.Container("backend", 441), Specs.Container("ai", 444),
            Specs.Container("postgres", 404), Specs.Container("redis", 410), Specs.Container("spare", 499),
        ],
        [
            Specs.Service("postgres", "postgres", null),
            Specs.Service("redis", "redis", null),
            Specs.Service("mcp-gateway", "backend", "v2", StrategyKind.BlueGreen, "postgres", "redis"),
            Specs.Service("frontend", "frontend", "v2", StrategyKind.Canary, "mcp-gateway"),
            Specs.Service("ai-orchestrator", "ai", "v2", StrategyKind.Rolling, "mcp-gateway"),
        ],
        [Specs.FlagSet("gateway-flags", "mcp-gateway", Specs.Flag("chat-v2", true, 100))]);

    [Test]
    public void Steps_follow_depends_on_in_waves_with_containers_in_the_wave_of_their_service()
    {
        var desired = Stack();
        var plan = Planner.Plan(desired, new LiveState(
            [],
            [.. desired.Services.Select(s => Lives.Service(s, "v1"))],
            [new LiveFlagSet("gateway-flags", false, [])]));

        var order = plan.Steps.Select(s => $"{s.Wave} {s.Unit.Kind} {s.Unit.Name} {s.Action}");

        Assert.That(order, Is.EqualTo(new[]
        {
            "0 Container postgres Create", "0 Container postgres Start",
            "0 Container redis Create", "0 Container redis Start",
            "0 Container spare Create", "0 Container spare Start",
            "1 Container backend Create", "1 Container backend Start",
            "1 Service mcp-gateway Deploy",
            "1 FeatureFlags gateway-flags WriteFlags",
            "2 Container ai Create", "2 Container ai Start",
            "2 Container frontend Create", "2 Container frontend Start",
            "2 Service ai-orchestrator Deploy",
            "2 Service frontend Deploy",
        }));
    }

    [Test]
    public void The_order_of_the_live_lists_does_not_change_the_plan()
    {
        var desired = Stack();
        var live = Lives.Of(desired);
        live = live with { Containers = [.. live.Containers.Select(c => c with { MemoryMiB = 1 })] };
        var reversed = live with { Containers = [.. live.Containers.Reverse()], Services = [.. live.Services.Reverse()] };

        Assert.That(
            Zentoria.Reconciler.Planning.Rendering.PlanJsonWriter.Write(Planner.Plan(desired, reversed)),
            Is.EqualTo(Zentoria.Reconciler.Planning.Rendering.PlanJsonWriter.Write(Planner.Plan(desired, live))));
    }
}
