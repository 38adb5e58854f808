using System.Text;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Tests.Observability;

internal sealed class OperatorMetricsTests
{
    private static readonly UnitKey Backend = new(UnitKind.Container, "backend");

    [Test]
    public async Task Every_metric_is_exported_before_anything_happens()
    {
        var text = await Export(OperatorMetrics.Create("1.2.3"));

        foreach (var name in new[]
        {
            "zentoria_reconcile_total", "zentoria_reconcile_duration_seconds", "zentoria_unit_info", "zentoria_drift",
            "zentoria_actions_total", "zentoria_action_duration_seconds", "zentoria_proxmox_requests_total",
            "zentoria_proxmox_request_duration_seconds", "zentoria_last_successful_reconcile_timestamp_seconds",
            "zentoria_units_in_flight", "zentoria_build_info",
        })
        {
            Assert.That(text, Does.Contain($"# TYPE {name} "), name);
        }
    }

    [Test]
    public async Task Pass_results_and_build_info_are_created_at_start()
    {
        var text = await Export(OperatorMetrics.Create("1.2.3"));

        Assert.That(Lines(text), Does.Contain("zentoria_reconcile_total{result=\"success\"} 0"));
        Assert.That(Lines(text), Does.Contain("zentoria_reconcile_total{result=\"error\"} 0"));
        Assert.That(Lines(text), Does.Contain("zentoria_reconcile_total{result=\"exception\"} 0"));
        Assert.That(Lines(text), Does.Contain("zentoria_build_info{version=\"1.2.3\"} 1"));
        Assert.That(Lines(text), Does.Contain("zentoria_last_successful_reconcile_timestamp_seconds 0"));
        Assert.That(Lines(text), Does.Contain("zentoria_units_in_flight 0"));
    }

    [Test]
    public async Task Declared_units_get_every_sync_and_health_combination_at_zero()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        metrics.DeclareUnits([Backend]);

        var unitInfo = Lines(await Export(metrics)).Where(l => l.StartsWith("zentoria_unit_info{", StringComparison.Ordinal)).ToList();
        Assert.That(unitInfo, Has.Count.EqualTo(3 * 6));
        Assert.That(unitInfo, Has.All.EndsWith(" 0"));
        Assert.That(Lines(await Export(metrics)), Does.Contain("zentoria_drift{kind=\"Container\",name=\"backend\"} 0"));
    }

    [Test]
    public async Task A_units_state_is_the_one_combination_set_to_one()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareUnits([Backend]);

        metrics.SetUnitState(Backend, SyncStatus.OutOfSync, HealthStatus.Degraded);
        metrics.SetUnitState(Backend, SyncStatus.Synced, HealthStatus.Healthy);

        var ones = Lines(await Export(metrics)).Where(l => l.StartsWith("zentoria_unit_info{", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.That(ones, Is.EqualTo(new[] { "zentoria_unit_info{kind=\"Container\",name=\"backend\",sync=\"Synced\",health=\"Healthy\"} 1" }));
    }

    [Test]
    public async Task A_unit_desired_again_after_removal_shows_its_state_once_more()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareUnits([Backend]);
        metrics.SetUnitState(Backend, SyncStatus.Synced, HealthStatus.Healthy);
        metrics.DeclareUnits([]);
        metrics.DeclareUnits([Backend]);

        metrics.SetUnitState(Backend, SyncStatus.Synced, HealthStatus.Healthy);

        var ones = Lines(await Export(metrics)).Where(l => l.StartsWith("zentoria_unit_info{", StringComparison.Ordinal) && l.EndsWith(" 1", StringComparison.Ordinal));
        Assert.That(ones, Is.EqualTo(new[] { "zentoria_unit_info{kind=\"Container\",name=\"backend\",sync=\"Synced\",health=\"Healthy\"} 1" }));
    }

    [Test]
    public async Task Units_no_longer_desired_lose_their_series()
    {
        var metrics = OperatorMetrics.Create("1.2.3");
        metrics.DeclareUnits([Backend]);

        metrics.DeclareUnits([new UnitKey(UnitKind.Container, "frontend")]);

        var text = await Export(metrics);
        Assert.That(text, Does.Not.Contain("name=\"backend\""));
        Assert.That(text, Does.Contain("name=\"frontend\""));
    }

    [Test]
    public async Task Declared_actions_are_created_at_zero_for_both_results()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        metrics.DeclareActions(UnitKind.Container, ["start", "resize-memory"]);

        var lines = Lines(await Export(metrics));
        Assert.That(lines, Does.Contain("zentoria_actions_total{kind=\"Container\",action=\"start\",result=\"success\"} 0"));
        Assert.That(lines, Does.Contain("zentoria_actions_total{kind=\"Container\",action=\"resize-memory\",result=\"failure\"} 0"));
    }

    [Test]
    public async Task A_successful_pass_counts_and_stamps_the_last_success()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        metrics.PassCompleted(PassOutcome.Success, TimeSpan.FromSeconds(0.5), DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        metrics.PassCompleted(PassOutcome.Exception, TimeSpan.FromSeconds(0.5), DateTimeOffset.FromUnixTimeSeconds(1_800_000_100));

        var lines = Lines(await Export(metrics));
        Assert.That(lines, Does.Contain("zentoria_reconcile_total{result=\"success\"} 1"));
        Assert.That(lines, Does.Contain("zentoria_reconcile_total{result=\"exception\"} 1"));
        Assert.That(lines, Does.Contain("zentoria_reconcile_duration_seconds_count 2"));
        Assert.That(lines, Does.Contain("zentoria_last_successful_reconcile_timestamp_seconds 1800000000"));
    }

    [Test]
    public async Task Proxmox_requests_are_counted_by_method_route_and_code()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        metrics.ProxmoxRequestCompleted("GET", "/cluster/resources", 200, TimeSpan.FromMilliseconds(5));

        var lines = Lines(await Export(metrics));
        Assert.That(lines, Does.Contain("zentoria_proxmox_requests_total{method=\"GET\",route=\"/cluster/resources\",code=\"200\"} 1"));
        Assert.That(lines, Does.Contain("zentoria_proxmox_request_duration_seconds_count 1"));
    }

    [Test]
    public async Task Units_in_flight_are_counted_until_released()
    {
        var metrics = OperatorMetrics.Create("1.2.3");

        var inFlight = metrics.UnitInFlight();
        Assert.That(Lines(await Export(metrics)), Does.Contain("zentoria_units_in_flight 1"));
        inFlight.Dispose();
        Assert.That(Lines(await Export(metrics)), Does.Contain("zentoria_units_in_flight 0"));
    }

    [Test]
    public async Task Two_instances_do_not_share_values()
    {
        var first = OperatorMetrics.Create("1.2.3");
        var second = OperatorMetrics.Create("1.2.3");

        first.PassCompleted(PassOutcome.Success, TimeSpan.Zero, DateTimeOffset.UnixEpoch);

        Assert.That(Lines(await Export(second)), Does.Contain("zentoria_reconcile_total{result=\"success\"} 0"));
    }

    internal static async Task<string> Export(OperatorMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.WriteAsync(stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string[] Lines(string text) => text.Split('\n');
}
