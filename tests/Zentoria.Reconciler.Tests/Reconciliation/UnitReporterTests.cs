using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;
using Zentoria.Reconciler.Tests.Observability;

namespace Zentoria.Reconciler.Tests.Reconciliation;

internal sealed class UnitReporterTests
{
    private static readonly UnitKey Backend = new(UnitKind.Container, "backend");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private UnitScheduler scheduler = null!;
    private StatusStore status = null!;
    private OperatorMetrics metrics = null!;
    private FakeLogger<UnitReporter> logger = null!;
    private UnitReporter reporter = null!;

    [SetUp]
    public void SetUp()
    {
        scheduler = new UnitScheduler(new BackoffPolicy(new SchedulingOptions(), () => 0.5), time);
        status = new StatusStore("sandbox", time, new SecretRedactor());
        metrics = OperatorMetrics.Create("test");
        metrics.DeclareUnits([Backend]);
        logger = new FakeLogger<UnitReporter>();
        reporter = new UnitReporter(scheduler, status, metrics, time, logger);
    }

    [Test]
    public async Task A_report_reaches_the_scheduler_status_metrics_and_log_at_once()
    {
        reporter.Report(Backend, "spec", "rev-1", ReconcileResult.Transient("CT 441 is locked"), SyncStatus.OutOfSync, HealthStatus.Healthy, driftFields: 2);

        Assert.That(scheduler.Decide(Backend, "spec"), Is.EqualTo(UnitDecision.NotDue));
        Assert.That(status.Find(Backend)!.Phase, Is.EqualTo("Retrying"));
        var text = await OperatorMetricsTests.Export(metrics);
        Assert.That(text, Does.Contain("zentoria_unit_info{kind=\"Container\",name=\"backend\",sync=\"OutOfSync\",health=\"Healthy\"} 1"));
        Assert.That(text, Does.Contain("zentoria_drift{kind=\"Container\",name=\"backend\"} 2"));
        var line = logger.Collector.LatestRecord;
        Assert.That(line.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(line.GetStructuredStateValue("Unit"), Is.EqualTo("Container/backend"));
        Assert.That(line.GetStructuredStateValue("NextCheckSeconds"), Is.EqualTo("1"));
    }

    [Test]
    public void A_terminal_error_is_logged_as_stalled_and_never_scheduled()
    {
        reporter.Report(Backend, "spec", "rev-1", ReconcileResult.Terminal("disks never shrink"), SyncStatus.OutOfSync, HealthStatus.Degraded, 1);

        Assert.That(logger.Collector.LatestRecord.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(logger.Collector.LatestRecord.GetStructuredStateValue("Phase"), Is.EqualTo("Stalled"));
        Assert.That(scheduler.NextDueAt(), Is.Null);
    }
}
