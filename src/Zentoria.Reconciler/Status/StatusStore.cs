using System.Collections.Immutable;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Status;

/// <summary>
/// The environment's status: the loop writes it, <c>/status</c>, <c>/healthz</c> and <c>/readyz</c> read it.
/// </summary>
/// <remarks>
/// Thread-safe. Writers serialise on a lock; readers get an immutable <see cref="StatusSnapshot"/>, built from the
/// units once per change that anyone reads rather than once per unit's report, so a pass over N units costs O(N),
/// not O(N²). Every message passes through the <see cref="SecretRedactor"/>.
/// </remarks>
internal sealed class StatusStore
{
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly SecretRedactor redactor;

    // Everything but the units (whose Units stays empty), the units sorted by kind then name, and where each one
    // sits: all guarded by gate.
    private StatusSnapshot header;
    private List<UnitStatus> units = [];
    private Dictionary<(string Kind, string Name), int> positions = [];

    // The last snapshot built; null once something changed since.
    private StatusSnapshot? published;

    public StatusStore(string environment, TimeProvider time, SecretRedactor redactor)
    {
        this.time = time;
        this.redactor = redactor;
        StartedAt = time.GetUtcNow();
        header = new StatusSnapshot(environment, null, null, [], null, null, Ready: false, []);
    }

    /// <summary>When the store, and so the operator, started; the liveness bound counts from here until a pass starts.</summary>
    public DateTimeOffset StartedAt { get; }

    public StatusSnapshot Snapshot
    {
        get
        {
            if (Volatile.Read(ref published) is { } built)
            {
                return built;
            }

            lock (gate)
            {
                published ??= header with { Units = [.. units] };
                return published;
            }
        }
    }

    public UnitStatus? Find(UnitKey unit)
    {
        lock (gate)
        {
            return positions.TryGetValue((unit.Kind.ToString(), unit.Name), out var index) ? units[index] : null;
        }
    }

    public HealthStatus HealthOf(UnitKey unit) => Find(unit)?.Health ?? HealthStatus.Unknown;

    /// <summary>
    /// Makes the unit list exactly <paramref name="units"/>: new units start Unknown, units no longer desired
    /// disappear, the others keep their status. Clears validation errors: <paramref name="revision"/> is valid.
    /// </summary>
    public void AcceptDesired(string revision, IEnumerable<UnitKey> desired)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var kept = units.ToDictionary(u => (u.Kind, u.Name));
            Reindex([
                .. desired.Select(u => kept.TryGetValue((u.Kind.ToString(), u.Name), out var existing)
                    ? existing
                    : new UnitStatus(u.Kind.ToString(), u.Name, SyncStatus.Unknown, HealthStatus.Unknown, "Pending",
                        "Not reconciled yet.", null, null, now, UnitConditions.Initial(now))),
            ]);
            header = header with { Revision = revision, InvalidRevision = null, ValidationErrors = [] };
            published = null;
        }
    }

    /// <summary>
    /// Records that the newest desired state is invalid. The last valid revision and its units stay as they are:
    /// the operator keeps enforcing them.
    /// </summary>
    public void RejectDesired(string invalidRevision, IEnumerable<string> errors)
    {
        var redacted = errors.Select(redactor.Redact).ToImmutableArray();
        Publish(snapshot => snapshot with { InvalidRevision = invalidRevision, ValidationErrors = redacted });
    }

    /// <summary>Records a unit's reconcile: its result, what observe and plan found, and the revision it enforced.</summary>
    /// <param name="phase">A one-word phase, or null to derive it from <paramref name="result"/>.</param>
    public void Record(UnitKey unit, ReconcileResult result, SyncStatus sync, HealthStatus health, string revision, string? phase = null)
    {
        var now = time.GetUtcNow();
        var (derivedPhase, message, error) = result switch
        {
            // Done and still OutOfSync: the unit chose not to act (drift mode warn, or a restart its policy does not allow).
            Done when sync == SyncStatus.OutOfSync && phase == "PendingRestart" =>
                ("Ready", "Differs from the desired state until a restart, which the unit's restart policy does not allow.", (string?)null),
            Done when sync == SyncStatus.OutOfSync => ("Ready", "Differs from the desired state; the drift is reported, not corrected.", (string?)null),
            Done => ("Ready", "Matches the desired state.", (string?)null),
            RequeueAfter r => ("Waiting", r.Reason, null),
            TransientError e => ("Retrying", e.Message, e.Message),
            TerminalError e => ("Stalled", e.Message, e.Message),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result, "Unknown reconcile result."),
        };
        Set(unit, previous => previous with
        {
            Sync = sync,
            Health = health,
            Phase = phase ?? derivedPhase,
            Message = redactor.Redact(message),
            Revision = revision,
            LastError = redactor.RedactOrNull(error) ?? previous.LastError,
            Conditions = UnitConditions.From(result, previous.Conditions, now),
        }, now);
    }

    /// <summary>Updates what a unit is doing mid-reconcile (for example <c>Applying</c>) without a result yet.</summary>
    public void SetPhase(UnitKey unit, string phase, string message)
    {
        var now = time.GetUtcNow();
        Set(unit, previous => previous with { Phase = phase, Message = redactor.Redact(message) }, now);
    }

    /// <summary>Records where a service's blue/green or canary release stands; null clears it.</summary>
    public void SetRollout(UnitKey unit, RolloutStatus? rollout)
    {
        var now = time.GetUtcNow();
        var safe = rollout is null ? null : rollout with { Analysis = redactor.RedactOrNull(rollout.Analysis) };
        Set(unit, previous => previous with { Rollout = safe }, now);
    }

    /// <summary>Records where the desired state comes from and how its last fetch went.</summary>
    public void SetSource(SourceStatus source)
    {
        var safe = source with { Description = redactor.Redact(source.Description), Error = redactor.RedactOrNull(source.Error) };
        Publish(snapshot => snapshot with { Source = safe });
    }

    /// <summary>Records the run-time control state: the plan held for approval, suspensions, the window override.</summary>
    public void SetControl(ControlStatus control) => Publish(snapshot => snapshot with { Control = control });

    public void PassStarted()
    {
        var now = time.GetUtcNow();
        Publish(snapshot => snapshot with { LastPassStartedAt = now });
    }

    /// <summary>Records the end of a pass; <paramref name="observed"/> makes the operator ready for good.</summary>
    public void PassFinished(bool observed, bool succeeded)
    {
        var now = time.GetUtcNow();
        Publish(snapshot => snapshot with
        {
            Ready = snapshot.Ready || observed,
            LastSuccessfulPassAt = succeeded ? now : snapshot.LastSuccessfulPassAt,
        });
    }

    private void Set(UnitKey unit, Func<UnitStatus, UnitStatus> change, DateTimeOffset now)
    {
        var key = (unit.Kind.ToString(), unit.Name);
        lock (gate)
        {
            var index = positions.TryGetValue(key, out var found) ? found : -1;
            var previous = index >= 0
                ? units[index]
                : new UnitStatus(key.Item1, unit.Name, SyncStatus.Unknown, HealthStatus.Unknown, "Pending", "", null, null, now, UnitConditions.Initial(now));
            var next = change(previous);
            if (next.Sync != previous.Sync || next.Health != previous.Health || next.Phase != previous.Phase)
            {
                next = next with { LastTransitionTime = now };
            }

            if (index >= 0)
            {
                units[index] = next;
            }
            else
            {
                // A unit reported before any desired state declared it; rare, so sorting again is fine.
                Reindex([.. units, next]);
            }

            published = null;
        }
    }

    private void Publish(Func<StatusSnapshot, StatusSnapshot> change)
    {
        lock (gate)
        {
            header = change(header);
            published = null;
        }
    }

    // Callers hold gate.
    private void Reindex(List<UnitStatus> next)
    {
        units = [.. next.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)];
        positions = units.Select((u, i) => (u, i)).ToDictionary(p => (p.u.Kind, p.u.Name), p => p.i);
    }
}
