using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState;

namespace Zentoria.Reconciler.Planning;

/// <summary>Plans one desired container against the live container with the same VMID.</summary>
internal static class ContainerPlanner
{
    public static IEnumerable<PlanStep> Plan(ContainerSpec spec, LiveContainer? live, string managedTag, int wave)
    {
        if (spec.Drift.Mode == DriftMode.Suspend)
        {
            return [];
        }

        var unit = PlanUnit.Container(spec.Name.Value, spec.VmId);
        var warn = spec.Drift.Mode == DriftMode.Warn;
        var notes = LockNote(live) + (warn ? " Drift mode is Warn: this is reported, not corrected." : "");
        var drafts = live is null ? Missing(spec, managedTag) : Drifted(spec, live, managedTag);
        return drafts.Select(d => new PlanStep(unit, d.Action, d.Changes, d.Reason + notes, d.Disruption, wave, warn || d.ReportOnly));
    }

    /// <summary>Why a locked container's steps are still planned: the lock is usually a backup that ends on its own.</summary>
    public static string LockNote(LiveContainer? live) =>
        live?.Lock is { } held ? $" CT {live.VmId} is locked ({held}); the executor waits for the lock to clear." : "";

    private static IEnumerable<StepDraft> Missing(ContainerSpec spec, string managedTag)
    {
        if (spec.Create is null)
        {
            yield return new StepDraft(
                StepAction.Refused,
                [],
                $"CT {spec.VmId} does not exist and its spec has no 'create', so the operator will not create it. Create it by hand or add 'create' to the spec.",
                Disruption.None);
            yield break;
        }

        yield return new StepDraft(
            StepAction.Create,
            ContainerFields.ForCreate(spec, managedTag),
            $"CT {spec.VmId} does not exist; it is created from {spec.Create.OsTemplate} on {spec.Create.Storage}.",
            Disruption.None);

        if (spec.State == PowerState.Running)
        {
            yield return new StepDraft(StepAction.Start, [State(PowerState.Stopped, PowerState.Running)], "The desired state is running.", Disruption.None);
        }
    }

    private static IEnumerable<StepDraft> Drifted(ContainerSpec spec, LiveContainer live, string managedTag)
    {
        if (live.Node != spec.Node && !spec.Drift.Ignores(ContainerFields.Node))
        {
            // Acting on the desired node would miss the container; acting on the live one would fight the spec.
            yield return new StepDraft(
                StepAction.Refused,
                [new FieldChange(ContainerFields.Node, live.Node.Value, spec.Node.Value)],
                $"CT {spec.VmId} runs on node {live.Node}, but the desired state puts it on {spec.Node}; the operator does not migrate containers. Migrate it by hand or change 'node'.",
                Disruption.None);
            yield break;
        }

        var changes = ContainerFields.Diff(spec, live, managedTag).Where(c => !spec.Drift.Ignores(c.Field)).ToImmutableArray();
        if (!changes.IsEmpty)
        {
            yield return new StepDraft(StepAction.Update, changes, UpdateReason(spec, live, changes), Disruption.None);
        }

        if (!spec.Drift.Ignores(ContainerFields.DiskGiB) && live.DiskGiB != spec.Resources.DiskGiB)
        {
            var disk = new FieldChange(ContainerFields.DiskGiB, PlanValues.Of(live.DiskGiB), PlanValues.Of(spec.Resources.DiskGiB));
            if (live.DiskGiB < spec.Resources.DiskGiB)
            {
                yield return new StepDraft(
                    StepAction.Resize,
                    [disk],
                    $"The root disk of CT {spec.VmId} is {live.DiskGiB} GiB; it grows to {spec.Resources.DiskGiB} GiB while the container runs.",
                    Disruption.None);
            }
            else
            {
                yield return new StepDraft(
                    StepAction.Refused,
                    [disk],
                    $"The root disk of CT {spec.VmId} is {live.DiskGiB} GiB, larger than the desired {spec.Resources.DiskGiB} GiB, and a disk never shrinks. Set diskGiB to at least {live.DiskGiB} or recreate the container by hand.",
                    Disruption.None);
            }
        }

        foreach (var step in Power(spec, live))
        {
            yield return step;
        }
    }

    private static IEnumerable<StepDraft> Power(ContainerSpec spec, LiveContainer live)
    {
        var pending = live.PendingKeys.IsEmpty ? "" : string.Join(", ", live.PendingKeys.Order(StringComparer.Ordinal));
        if (!spec.Drift.Ignores(ContainerFields.State) && spec.State != live.Status)
        {
            yield return spec.State == PowerState.Running
                ? new StepDraft(
                    StepAction.Start,
                    [State(live.Status, spec.State)],
                    $"CT {spec.VmId} is stopped; the desired state is running." + (pending.Length > 0 ? $" Starting it applies the pending changes to {pending}." : ""),
                    Disruption.None)
                : new StepDraft(
                    StepAction.Stop,
                    [State(live.Status, spec.State)],
                    $"CT {spec.VmId} is running; the desired state is stopped.",
                    Disruption.Downtime);
            yield break;
        }

        if (spec.State == PowerState.Running && live.Status == PowerState.Running && pending.Length > 0)
        {
            var mayRestart = spec.Restart == RestartPolicy.IfNeeded;
            yield return new StepDraft(
                StepAction.Restart,
                [],
                $"Proxmox holds changes to {pending} until CT {spec.VmId} restarts; " +
                (mayRestart ? "restartPolicy IfNeeded lets the operator reboot it." : "pending restart: restartPolicy Never leaves the reboot to a person."),
                Disruption.Restart,
                ReportOnly: !mayRestart);
        }
    }

    private static string UpdateReason(ContainerSpec spec, LiveContainer live, ImmutableArray<FieldChange> changes)
    {
        var reason = $"The config of CT {spec.VmId} differs from the desired state; Proxmox applies these changes at once, without a restart.";
        if (live.Status == PowerState.Running && changes.Any(c => c.Field == ContainerFields.Hostname))
        {
            reason += " The guest sees its new hostname at its next start.";
        }

        if (live.Network?.Mac is { } mac && changes.Any(c => c.Field.StartsWith("network.", StringComparison.Ordinal)))
        {
            reason += $" net0 keeps its MAC address {mac}.";
        }

        return reason;
    }

    private static FieldChange State(PowerState from, PowerState to) =>
        new(ContainerFields.State, PlanValues.Of(from), PlanValues.Of(to));
}
