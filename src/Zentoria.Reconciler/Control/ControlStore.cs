using System.Text.Json;
using Zentoria.Reconciler.Audit;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.State;

namespace Zentoria.Reconciler.Control;

/// <summary>
/// Run-time control decisions: approvals of pending plans, suspensions (per unit and global, as Flux's
/// <c>suspend</c>) and the manual window override. Persisted in <c>control.json</c> with <see cref="AtomicFile"/>
/// after every change, and each change audited with who asked.
/// </summary>
/// <remarks>Thread-safe: HTTP requests change it while the loop reads it.</remarks>
internal sealed class ControlStore
{
    public const string FileName = "control.json";

    private readonly Lock gate = new();
    private readonly string path;
    private readonly AuditTrail audit;
    private readonly TimeProvider time;
    private ControlDocument document;
    private PendingApproval? pending;

    private ControlStore(string path, ControlDocument document, AuditTrail audit, TimeProvider time)
    {
        this.path = path;
        this.document = document;
        this.audit = audit;
        this.time = time;
    }

    /// <summary>Reads <c>control.json</c> when it exists.</summary>
    /// <exception cref="JsonException">When the file is corrupt: a start-up fault, since guessing could lift a suspension.</exception>
    public static ControlStore Open(StateFolder folder, AuditTrail audit, TimeProvider time)
    {
        var path = folder.File(FileName);
        var document = File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(path), ControlJsonContext.Default.ControlDocument) ?? ControlDocument.Empty
            : ControlDocument.Empty;
        return new ControlStore(path, document, audit, time);
    }

    public ControlDocument Snapshot
    {
        get
        {
            lock (gate)
            {
                return document;
            }
        }
    }

    /// <summary>The plan currently held for approval; null when nothing waits.</summary>
    public PendingApproval? Pending
    {
        get
        {
            lock (gate)
            {
                return pending;
            }
        }
    }

    public DateTimeOffset? OverrideUntil => Snapshot.Override?.Until;

    /// <summary>Records the plan the loop holds (or null once nothing is held), so <see cref="Approve"/> can check ids.</summary>
    public void Hold(PendingApproval? plan)
    {
        lock (gate)
        {
            pending = plan;
        }
    }

    public bool IsApproved(string planId, string revision) =>
        Snapshot.Approvals.Any(a => a.PlanId == planId && a.Revision == revision);

    public ApprovalResult Approve(string planId, string actor)
    {
        lock (gate)
        {
            if (pending is null || pending.PlanId != planId)
            {
                return ApprovalResult.UnknownPlan;
            }

            if (document.Approvals.Any(a => a.PlanId == planId && a.Revision == pending.Revision))
            {
                return ApprovalResult.AlreadyApproved;
            }

            var now = time.GetUtcNow();
            Save(document with { Approvals = document.Approvals.Add(new ApprovalRecord(planId, pending.Revision, actor, now)) });
            Audit(now, "approve", planId, actor, pending.Revision, string.Join("; ", pending.Steps));
            return ApprovalResult.Approved;
        }
    }

    /// <summary>Drops approvals given for any other revision: an approval is for the revision it was given for only.</summary>
    /// <returns>How many lapsed.</returns>
    public int LapseApprovalsExcept(string revision)
    {
        lock (gate)
        {
            var lapsed = document.Approvals.Where(a => a.Revision != revision).ToList();
            if (lapsed.Count == 0)
            {
                return 0;
            }

            Save(document with { Approvals = document.Approvals.RemoveRange(lapsed) });
            foreach (var approval in lapsed)
            {
                Audit(time.GetUtcNow(), "approval-lapsed", approval.PlanId, AuditRecord.Operator, revision,
                    $"approved by {approval.ApprovedBy} for revision {approval.Revision}");
            }

            return lapsed.Count;
        }
    }

    /// <summary>Suspends one unit (such as <c>Container/backend</c>), or everything when <paramref name="unit"/> is null.</summary>
    /// <returns>False when it was suspended already.</returns>
    public bool Suspend(string? unit, string actor, string? revision)
    {
        var target = unit ?? SuspensionRecord.Everything;
        lock (gate)
        {
            if (document.Suspensions.Any(s => s.Unit == target))
            {
                return false;
            }

            var now = time.GetUtcNow();
            Save(document with { Suspensions = document.Suspensions.Add(new SuspensionRecord(target, actor, now)) });
            Audit(now, "suspend", target, actor, revision, null);
            return true;
        }
    }

    /// <summary>Lifts a run-time suspension; a suspension from the desired state stays until the desired state changes.</summary>
    /// <returns>False when it was not suspended at run time.</returns>
    public bool Resume(string? unit, string actor, string? revision)
    {
        var target = unit ?? SuspensionRecord.Everything;
        lock (gate)
        {
            var existing = document.Suspensions.Where(s => s.Unit == target).ToList();
            if (existing.Count == 0)
            {
                return false;
            }

            Save(document with { Suspensions = document.Suspensions.RemoveRange(existing) });
            Audit(time.GetUtcNow(), "resume", target, actor, revision, null);
            return true;
        }
    }

    /// <summary>Why <paramref name="unit"/> is suspended, or null when it is not: globally, at run time, or by its drift mode.</summary>
    public string? SuspendedBecause(string unit, DriftMode desiredMode)
    {
        var suspensions = Snapshot.Suspensions;
        if (suspensions.FirstOrDefault(s => s.Unit == SuspensionRecord.Everything) is { } all)
        {
            return $"everything is suspended (by {all.SuspendedBy} at {all.SuspendedAt:O})";
        }

        if (suspensions.FirstOrDefault(s => s.Unit == unit) is { } one)
        {
            return $"suspended by {one.SuspendedBy} at {one.SuspendedAt:O}";
        }

        return desiredMode == DriftMode.Suspend ? "suspended in the desired state (drift mode Suspend)" : null;
    }

    /// <summary>Lets disruptive steps run outside the deployment windows until <paramref name="until"/>.</summary>
    public void OverrideWindows(DateTimeOffset until, string actor, string? revision)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Save(document with { Override = new WindowOverride(until, actor, now) });
            Audit(now, "override-windows", SuspensionRecord.Everything, actor, revision, $"until {until:O}");
        }
    }

    /// <returns>False when no override was set.</returns>
    public bool ClearOverride(string actor, string? revision)
    {
        lock (gate)
        {
            if (document.Override is null)
            {
                return false;
            }

            Save(document with { Override = null });
            Audit(time.GetUtcNow(), "clear-override", SuspensionRecord.Everything, actor, revision, null);
            return true;
        }
    }

    // Control lines go to the one audit trail, with the unit's kind split off so they sort with its actions.
    private void Audit(DateTimeOffset at, string action, string target, string actor, string? revision, string? detail)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var (kind, unit) = target == SuspensionRecord.Everything ? ("Environment", target)
            : target.StartsWith("p-", StringComparison.Ordinal) ? ("Plan", target)
            : slash > 0 ? (target[..slash], target[(slash + 1)..]) : ("Environment", target);
        audit.Append(new AuditRecord(at, revision ?? "", kind, unit, action, null, detail, AuditResult.Succeeded, 0, null, actor));
    }

    // Called under the lock. The file is replaced before memory changes, so a failed write leaves both as they were.
    private void Save(ControlDocument next)
    {
        AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(next, ControlJsonContext.Default.ControlDocument));
        document = next;
    }
}
