using System.Text;
using Prometheus;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Reconciliation.Rollouts;
using Zentoria.Reconciler.Routing;
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
    private readonly Gauge rolloutPhase;
    private readonly Gauge canaryWeight;
    private readonly Gauge analysisValue;
    private readonly Counter rollouts;
    private readonly Counter rollbacks;
    private readonly Gauge desiredStateInfo;
    private readonly Gauge desiredStateRejected;
    private readonly Lock gate = new();
    private HashSet<UnitKey> declaredUnits = [];
    private Dictionary<string, RolloutDeclaration> declaredRollouts = new(StringComparer.Ordinal);
    private string? shownRevision;
    private string? shownRejected;

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
        desiredStateInfo = factory.CreateGauge("zentoria_desired_state_info", "1 for the desired-state revision in force (a commit SHA for git, a content hash for a folder).", "revision");
        desiredStateRejected = factory.CreateGauge("zentoria_desired_state_rejected", "Validation errors of the newest revision when it was rejected (the revision in force stays); absent otherwise.", "revision");
        var buildInfo = factory.CreateGauge("zentoria_build_info", "Always 1; the version label says which build runs.", "version");
        rolloutPhase = factory.CreateGauge("zentoria_rollout_phase", "1 for each routed service's current release phase, 0 for the other phases.", "service", "phase");
        canaryWeight = factory.CreateGauge("zentoria_canary_weight", "Percent of the service's requests its NGINX upstream sends to each pool (stable, canary).", "service", "pool");
        analysisValue = factory.CreateGauge("zentoria_analysis_value", "The last value each canary analysis measured (error-rate in %, latency-p99 in s, samples, health-failures).", "service", "metric");
        rollouts = factory.CreateCounter("zentoria_rollouts_total", "Finished releases by service, strategy and result (promoted, rolled_back, failed).", "service", "strategy", "result");
        rollbacks = factory.CreateCounter("zentoria_rollbacks_total", "Withdrawn releases by service and reason (analysis, health, deadline, manual, deploy).", "service", "reason");

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

    /// <summary>
    /// Creates the release series at zero for each service (every phase, both pools, each analysis metric, each result
    /// of its strategy, each rollback reason) and removes those of services no longer declared, or declared differently.
    /// </summary>
    public void DeclareRollouts(IEnumerable<(ServiceName Service, StrategyKind Strategy)> services, IEnumerable<string> analysisMetrics)
    {
        var metrics = analysisMetrics.ToArray();
        var next = services.ToDictionary(s => s.Service.Value, s => new RolloutDeclaration(s.Strategy, metrics), StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var (service, declared) in declaredRollouts.Where(d => !next.TryGetValue(d.Key, out var now) || !now.Equals(d.Value)))
            {
                foreach (var (family, labels) in RolloutSeries(service, declared))
                {
                    RemoveSeries(family, labels);
                }
            }

            foreach (var (family, labels) in next.SelectMany(d => RolloutSeries(d.Key, d.Value)))
            {
                CreateSeries(family, labels);
            }

            declaredRollouts = next;
        }
    }

    public void SetRolloutPhase(ServiceName service, RolloutPhase phase)
    {
        foreach (var each in Enum.GetValues<RolloutPhase>())
        {
            rolloutPhase.WithLabels(service.Value, each.ToString()).Set(each == phase ? 1 : 0);
        }
    }

    /// <summary>Sets both pools' shares from the live upstream: a pool without a server gets 0.</summary>
    public void SetCanaryWeights(ServiceName service, UpstreamRouting routing)
    {
        foreach (var pool in Enum.GetValues<UpstreamPool>())
        {
            canaryWeight.WithLabels(service.Value, UpstreamFile.PoolName(pool)).Set(routing.PercentOf(pool));
        }
    }

    public void SetAnalysisValue(ServiceName service, string metric, double value) =>
        analysisValue.WithLabels(service.Value, metric).Set(value);

    /// <summary>
    /// Shows a release as status has it: its phase in <c>zentoria_rollout_phase</c> (a phase name that is not a
    /// <see cref="RolloutPhase"/> leaves the phase as it was), both pools' weights and each analysis value it carries.
    /// </summary>
    public void ShowRollout(ServiceName service, RolloutStatus rollout)
    {
        if (Enum.TryParse<RolloutPhase>(rollout.Phase, out var phase) && Enum.IsDefined(phase))
        {
            SetRolloutPhase(service, phase);
        }

        canaryWeight.WithLabels(service.Value, UpstreamFile.PoolName(UpstreamPool.Stable)).Set(rollout.StableWeight);
        canaryWeight.WithLabels(service.Value, UpstreamFile.PoolName(UpstreamPool.Canary)).Set(rollout.CanaryWeight);
        foreach (var (metric, value) in rollout.Values)
        {
            SetAnalysisValue(service, metric, value);
        }
    }

    public void RolloutCompleted(ServiceName service, StrategyKind strategy, RolloutResult result) =>
        rollouts.WithLabels(service.Value, strategy.ToString(), SnakeCase(result.ToString())).Inc();

    public void RolledBack(ServiceName service, RollbackReason reason) =>
        rollbacks.WithLabels(service.Value, SnakeCase(reason.ToString())).Inc();

    /// <summary>Shows <paramref name="revision"/> as the one in force, and only it.</summary>
    public void SetDesiredRevision(string revision)
    {
        lock (gate)
        {
            if (shownRevision is { } old && old != revision)
            {
                desiredStateInfo.RemoveLabelled(old);
            }

            desiredStateInfo.WithLabels(revision).Set(1);
            shownRevision = revision;
        }
    }

    /// <summary>Shows the rejected revision with its error count, or none when <paramref name="revision"/> is null.</summary>
    public void SetRejectedRevision(string? revision, int errors)
    {
        lock (gate)
        {
            if (shownRejected is { } old && old != revision)
            {
                desiredStateRejected.RemoveLabelled(old);
            }

            if (revision is not null)
            {
                desiredStateRejected.WithLabels(revision).Set(errors);
            }

            shownRejected = revision;
        }
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

    /// <summary><c>RolledBack</c> as <c>rolled_back</c>: result and reason labels read like the other lower-case labels.</summary>
    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static IEnumerable<(RolloutFamily Family, string[] Labels)> RolloutSeries(string service, RolloutDeclaration declaration) =>
        Enum.GetValues<RolloutPhase>().Select(p => (RolloutFamily.Phase, new[] { service, p.ToString() }))
            .Concat(Enum.GetValues<UpstreamPool>().Select(p => (RolloutFamily.Weight, new[] { service, UpstreamFile.PoolName(p) })))
            .Concat(declaration.AnalysisMetrics.Select(m => (RolloutFamily.Analysis, new[] { service, m })))
            .Concat(Enum.GetValues<RolloutResult>().Select(r => (RolloutFamily.Rollouts, new[] { service, declaration.Strategy.ToString(), SnakeCase(r.ToString()) })))
            .Concat(Enum.GetValues<RollbackReason>().Select(r => (RolloutFamily.Rollbacks, new[] { service, SnakeCase(r.ToString()) })));

    private void CreateSeries(RolloutFamily family, string[] labels)
    {
        _ = family switch
        {
            RolloutFamily.Phase => rolloutPhase.WithLabels(labels).Value,
            RolloutFamily.Weight => canaryWeight.WithLabels(labels).Value,
            RolloutFamily.Analysis => analysisValue.WithLabels(labels).Value,
            RolloutFamily.Rollouts => rollouts.WithLabels(labels).Value,
            _ => rollbacks.WithLabels(labels).Value,
        };
    }

    private void RemoveSeries(RolloutFamily family, string[] labels)
    {
        switch (family)
        {
            case RolloutFamily.Phase: rolloutPhase.RemoveLabelled(labels); break;
            case RolloutFamily.Weight: canaryWeight.RemoveLabelled(labels); break;
            case RolloutFamily.Analysis: analysisValue.RemoveLabelled(labels); break;
            case RolloutFamily.Rollouts: rollouts.RemoveLabelled(labels); break;
            default: rollbacks.RemoveLabelled(labels); break;
        }
    }

    private static IEnumerable<(SyncStatus Sync, HealthStatus Health)> Combinations() =>
        from sync in Enum.GetValues<SyncStatus>()
        from health in Enum.GetValues<HealthStatus>()
        select (sync, health);

    /// <summary>What a service's release series were created for; a change re-creates them.</summary>
    private sealed record RolloutDeclaration(StrategyKind Strategy, string[] AnalysisMetrics)
    {
        public bool Equals(RolloutDeclaration? other) => other is not null && Strategy == other.Strategy && AnalysisMetrics.SequenceEqual(other.AnalysisMetrics);

        public override int GetHashCode() => Strategy.GetHashCode();
    }

    private enum RolloutFamily
    {
        Phase,
        Weight,
        Analysis,
        Rollouts,
        Rollbacks,
    }
}
