using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class DependencyGateTests
{
    private static readonly UnitKey Postgres = new(UnitKind.Service, "postgres");
    private static readonly UnitKey Redis = new(UnitKind.Service, "redis");

    private readonly DependencyGate gate = new(new SchedulingOptions { DependencyRequeue = TimeSpan.FromSeconds(10) });

    [Test]
    public void A_unit_whose_dependencies_are_all_healthy_proceeds()
    {
        var wait = gate.Check([Postgres, Redis], _ => HealthStatus.Healthy);

        Assert.That(wait, Is.Null);
    }

    [Test]
    public void A_unit_without_dependencies_proceeds()
    {
        Assert.That(gate.Check([], _ => HealthStatus.Unknown), Is.Null);
    }

    [TestCase(HealthStatus.Unknown)]
    [TestCase(HealthStatus.Progressing)]
    [TestCase(HealthStatus.Degraded)]
    [TestCase(HealthStatus.Missing)]
    [TestCase(HealthStatus.Suspended)]
    public void A_unit_waits_with_a_requeue_while_a_dependency_is_not_healthy(HealthStatus redisHealth)
    {
        var wait = gate.Check([Postgres, Redis], unit => unit == Redis ? redisHealth : HealthStatus.Healthy);

        Assert.That(wait, Is.Not.Null);
        Assert.That(wait!.Delay, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(wait.Reason, Does.Contain("Service/redis").And.Not.Contain("postgres"));
    }
}
