using Prometheus;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Observability;

/// <summary>
/// Every metric the operator exports, and the only class that touches prometheus-net (dormant since 2024: a move
/// to System.Diagnostics.Metrics must stay a one-file change). Label sets whose values are known up front are
/// created at zero, as controller-runtime's <c>initMetrics</c> does, so <c>rate()</c> and alerts work before
/// the first event; per-unit and per-action sets are created when <see cref="DeclareUnits"/> and
/// <see cref="DeclareActions"/> learn their values.
/// </summary>
/// <remarks>Thread-safe (prometheus-net's collectors are). Label values never carry secrets: only kinds, names, routes, codes.</remarks>
internal sealed class OperatorMetrics
{
    private static readonly string[] Results = ["success", "error", "exception"];
    private static readonly string[] ActionResults = ["success", "failure"];

    private readonly CollectorRegistry registry;
    private readonly Counter reconciles;
    private readonly Histogram reconcileDuration;
    private readonly Gauge unitInfo;
    private readonly Gauge drift;
    private readonly Counter actions;
    private readonly Histogram actionDuration;
    private readonly Counter proxmoxRequests;
    private readonly Histogram proxmoxRequestDuration;
    private readonly Gauge lastSuccess;
    private readonly Gauge unitsInFlight;
    private readonly Lock gate = new();
    private HashSet<UnitKey> declaredUnits = [];

    // Each unit's combination at 1 in zentoria_unit_info (guarded by gate): a report that changes nothing touches no series.
    private readonly Dictionary<UnitKey, (SyncStatus Sync, HealthStatus Health)> unitStates = [];

    public OperatorMetrics(CollectorRegistry registry, string version)
    {
        this.registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        reconciles = factory.CreateCounter("zentoria_reconcile_total", "Reconcile passes by how they ended: success, error (a unit or observe failed), exception (the pass threw).", "result");
        reconcileDuration = factory.CreateHistogram("zentoria_reconcile_duration_seconds", "Wall time of one reconcile pass.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.01, 2, 16) });
        unitInfo = factory.CreateGauge("zentoria_unit_info", "1 for each unit's current sync and health, 0 for the other combinations.", "kind", "name", "sync", "health");
        drift = factory.CreateGauge("zentoria_drift", "Fields of the unit whose live value differs from the desired one (ignored fields excluded).", "kind", "name");
        actions = factory.CreateCounter("zentoria_actions_total", "Mutating actions by unit kind, action and result.", "kind", "action", "result");
        actionDuration = factory.CreateHistogram("zentoria_action_duration_seconds", "Wall time of one mutating action.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.05, 2, 14) });
        proxmoxRequests = factory.CreateCounter("zentoria_proxmox_requests_total", "Proxmox API requests by method, route template and HTTP status code (0: no response).", "method", "route", "code");
        proxmoxRequestDuration = factory.CreateHistogram("zentoria_proxmox_request_duration_seconds", "Wall time of one Proxmox API request.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });
        lastSuccess = factory.CreateGauge("zentoria_last_successful_reconcile_timestamp_seconds", "Unix time at which the last successful pass finished; 0 before the first.");
        unitsInFlight = factory.CreateGauge("zentoria_units_in_flight", "Units being reconciled right now.");
        var buildInfo = factory.CreateGauge("zentoria_build_info", "Always 1; the version label says which build runs.", "version");

        foreach (var result in Results)
        {
            reconciles.WithLabels(result);
        }

        buildInfo.WithLabels(version).Set(1);
    }

    /// <summary>A metrics instance over a fresh registry of its own, without prometheus-net's default process and runtime series.</summary>
    /// <remarks>
    /// The default registry's extra series (<c>system_runtime_*</c>, …) make <c>promtool check metrics</c> fail its
    /// lint, and a private registry also keeps tests from seeing each other's values.
    /// </remarks>
    public static OperatorMetrics Create(string version) => new(Metrics.NewCustomRegistry(), version);

    public void PassCompleted(PassOutcome outcome, TimeSpan duration, DateTimeOffset finishedAt)
    {
        reconciles.WithLabels(Label(outcome)).Inc();
        reconcileDuration.Observe(duration.TotalSeconds);
        if (outcome == PassOutcome.Success)
        {
            lastSuccess.Set(finishedAt.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    /// <summary>
    /// Creates the per-unit series at zero for <paramref name="units"/> (all sync × health combinations, and drift)
    /// and removes the series of units no longer desired, so dashboards do not show ghosts.
    /// </summary>
    public void DeclareUnits(IEnumerable<UnitKey> units)
    {
        var next = units.ToHashSet();
        lock (gate)
        {
            foreach (var gone in declaredUnits.Where(u => !next.Contains(u)))
            {
                unitStates.Remove(gone);
                drift.RemoveLabelled(gone.Kind.ToString(), gone.Name);
                foreach (var (sync, health) in Combinations())
                {
                    unitInfo.RemoveLabelled(gone.Kind.ToString(), gone.Name, sync.ToString(), health.ToString());
                }
            }

            foreach (var unit in next.Where(u => !declaredUnits.Contains(u)))
            {
                drift.WithLabels(unit.Kind.ToString(), unit.Name);
                foreach (var (sync, health) in Combinations())
                {
                    unitInfo.WithLabels(unit.Kind.ToString(), unit.Name, sync.ToString(), health.ToString());
                }
            }

            declaredUnits = next;
        }
    }

    public void SetUnitState(UnitKey unit, SyncStatus sync, HealthStatus health)
    {
        lock (gate)
        {
            var known = unitStates.TryGetValue(unit, out var shown);
            if (known && shown == (sync, health))
            {
                return;
            }

            if (known)
            {
                unitInfo.WithLabels(unit.Kind.ToString(), unit.Name, shown.Sync.ToString(), shown.Health.ToString()).Set(0);
                unitInfo.WithLabels(unit.Kind.ToString(), unit.Name, sync.ToString(), health.ToString()).Set(1);
            }
            else
            {
                foreach (var (s, h) in Combinations())
                {
                    unitInfo.WithLabels(unit.Kind.ToString(), unit.Name, s.ToString(), h.ToString()).Set(s == sync && h == health ? 1 : 0);
                }
            }

            unitStates[unit] = (sync, health);
        }
    }

    public void SetDrift(UnitKey unit, int differingFields) =>
        drift.WithLabels(unit.Kind.ToString(), unit.Name).Set(differingFields);

    /// <summary>Creates <c>zentoria_actions_total</c> at zero for each action (and both results) the planner can emit for <paramref name="kind"/>.</summary>
    public void DeclareActions(UnitKind kind, IEnumerable<string> actionNames)
    {
        foreach (var action in actionNames)
        {
            foreach (var result in ActionResults)
            {
                actions.WithLabels(kind.ToString(), action, result);
            }
        }
    }

    public void ActionCompleted(UnitKind kind, string action, bool succeeded, TimeSpan duration)
    {
        actions.WithLabels(kind.ToString(), action, succeeded ? "success" : "failure").Inc();
        actionDuration.Observe(duration.TotalSeconds);
    }

    /// <summary>Creates <c>zentoria_proxmox_requests_total</c> at zero with code 200 for each route the client can call.</summary>
    /// <remarks>Other codes appear as they happen: which ones a route can answer is not known up front.</remarks>
    public void DeclareProxmoxRoutes(IEnumerable<(string Method, string Route)> routes)
    {
        foreach (var (method, route) in routes)
        {
            proxmoxRequests.WithLabels(method, route, "200");
        }
    }

    /// <param name="route">The route template (<c>/nodes/{node}/lxc/{vmid}/config</c>), never the concrete path: bounded cardinality.</param>
    /// <param name="code">The HTTP status code, or 0 when no response arrived.</param>
    public void ProxmoxRequestCompleted(string method, string route, int code, TimeSpan duration)
    {
        proxmoxRequests.WithLabels(method, route, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        proxmoxRequestDuration.Observe(duration.TotalSeconds);
    }

    /// <summary>Counts a unit as in flight until the returned handle is disposed.</summary>
    public IDisposable UnitInFlight() => unitsInFlight.TrackInProgress();

    /// <summary>Writes every series in the Prometheus text format (0.0.4).</summary>
    public Task WriteAsync(Stream destination, CancellationToken cancellationToken) =>
        registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    private static string Label(PassOutcome outcome) => outcome switch
    {
        PassOutcome.Success => "success",
        PassOutcome.Error => "error",
        _ => "exception",
    };

    private static IEnumerable<(SyncStatus Sync, HealthStatus Health)> Combinations() =>
        from sync in Enum.GetValues<SyncStatus>()
        from health in Enum.GetValues<HealthStatus>()
        select (sync, health);
}
