using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Planning;

namespace Zentoria.Reconciler.Tests.Planning;

internal sealed class ServicePlanningTests
{
    private static Plan PlanFor(ServiceSpec spec, LiveService? live) =>
        Planner.Plan(Specs.Desired(services: [spec]), new LiveState([], live is null ? [] : [live], []));

    [TestCase(StrategyKind.Rolling, Disruption.Downtime)]
    [TestCase(StrategyKind.BlueGreen, Disruption.None)]
    [TestCase(StrategyKind.Canary, Disruption.None)]
    public void A_service_on_another_version_is_deployed_with_the_disruption_of_its_strategy(StrategyKind strategy, Disruption disruption)
    {
        var spec = Specs.Service("api", "backend", "v1.4.2", strategy);

        var plan = PlanFor(spec, Lives.Service(spec, "v1.4.1"));

        Assert.That(plan.Steps, Has.Length.EqualTo(1));
        Assert.That(plan.Steps[0].Action, Is.EqualTo(StepAction.Deploy));
        Assert.That(plan.Steps[0].Changes, Is.EqualTo(new[] { new FieldChange("version", "v1.4.1", "v1.4.2") }));
        Assert.That(plan.Steps[0].Disruption, Is.EqualTo(disruption));
    }

    [Test]
    public void A_service_on_the_desired_version_needs_no_step()
    {
        var spec = Specs.Service("api", "backend");

        Assert.That(PlanFor(spec, Lives.Service(spec)).Steps, Is.Empty);
    }

    [Test]
    public void A_service_absent_from_the_snapshot_was_not_observed_and_gets_no_step()
    {
        Assert.That(PlanFor(Specs.Service("api", "backend"), null).Steps, Is.Empty);
    }

    [Test]
    public void A_service_whose_version_could_not_be_read_gets_no_step()
    {
        var spec = Specs.Service("api", "backend");

        Assert.That(PlanFor(spec, new LiveService(spec.Name, null, false)).Steps, Is.Empty);
    }

    [Test]
    public void A_service_without_a_desired_version_is_never_deployed()
    {
        var spec = Specs.Service("db", "db", version: null);

        Assert.That(PlanFor(spec, new LiveService(spec.Name, "16.2", true)).Steps, Is.Empty);
    }

    [Test]
    public void Declared_migrations_and_their_backup_are_named_in_the_reason()
    {
        var spec = Specs.Service("api", "backend", "v2") with
        {
            Migrations = new MigrationSpec(new CommandTemplate(["npx", "prisma", "migrate", "deploy"]), new BackupSpec(new ContainerName("postgres"), null)),
        };

        var reason = PlanFor(spec, Lives.Service(spec, "v1")).Steps[0].Reason;

        Assert.That(reason, Does.Contain("Migrations (npx prisma migrate deploy) run first, after a snapshot of postgres."));
    }

    [Test]
    public void Drift_mode_warn_reports_the_deploy_without_making_it()
    {
        var spec = Specs.Service("api", "backend", "v2") with { Drift = Specs.Drift(DriftMode.Warn) };

        Assert.That(PlanFor(spec, Lives.Service(spec, "v1")).Steps.Single().ReportOnly, Is.True);
    }

    [Test]
    public void Drift_mode_suspend_or_an_ignored_version_plans_nothing()
    {
        var suspended = Specs.Service("api", "backend", "v2") with { Drift = Specs.Drift(DriftMode.Suspend) };
        var ignoring = Specs.Service("api", "backend", "v2") with { Drift = Specs.Drift(DriftMode.Correct, "version") };

        Assert.That(PlanFor(suspended, Lives.Service(suspended, "v1")).Steps, Is.Empty);
        Assert.That(PlanFor(ignoring, Lives.Service(ignoring, "v1")).Steps, Is.Empty);
    }
}
