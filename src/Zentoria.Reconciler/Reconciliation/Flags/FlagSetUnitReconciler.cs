using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.State;
using Zentoria.Reconciler.Status;
using UnitKind = Zentoria.Reconciler.Reconciliation.UnitKind;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// Converges one flag set: writes its file atomically through the guest shell (journaled and audited by
/// <see cref="ActionRunner"/>), runs the reload command if there is one, and reports the unit. Flags with steps
/// move as <see cref="FlagRolloutPlanner"/> decides, from the file's percentages and the records kept in the state
/// folder (<see cref="FlagRolloutStore"/>), watching the owning service's health in <see cref="StatusStore"/>.
/// </summary>
internal sealed class FlagSetUnitReconciler(
    FlagSetObserver observer,
    ActionRunner runner,
    UnitReporter reporter,
    StatusStore status,
    SchedulingOptions scheduling,
    StateFolder state,
    TimeProvider time,
    ILogger<FlagSetUnitReconciler> logger)
{
    public const string WriteFlags = "write-flags";

    /// <summary>The file is read by the service's user, and holds no secrets.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(30);

    public const string ReloadFlags = "reload-flags";

    public static readonly string[] ActionNames = [WriteFlags, ReloadFlags];

    private readonly FlagRolloutStore rollouts = new(state);

    // Flag sets whose file was written but whose reload failed: the file now matches, so only this remembers that
    // the service has not read it yet. In memory: after a restart the next change reloads again.
    private readonly ConcurrentDictionary<string, byte> reloadOwed = new(StringComparer.Ordinal);

    /// <returns>How many mutating actions were taken, and the unit's result.</returns>
    public async Task<(int Actions, ReconcileResult Result)> ReconcileAsync(UnitWork work, Desired desired, CancellationToken cancellationToken)
    {
        var spec = desired.FeatureFlags.First(f => f.Name == work.Key.Name);
        var observation = observer.Last(spec.Name);
        if (observation?.Live is not { } live)
        {
            // Not read this pass: without the live file there is nothing safe to write.
            var unseen = ReconcileResult.Transient(observation?.Error ?? $"{spec.File} was not read.");
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, unseen, SyncStatus.Unknown, HealthStatus.Unknown, 0);
            return (0, unseen);
        }

        var decisions = Decide(spec, live, desired.Revision);
        var file = FlagFile.Of(desired.Revision, spec.Flags.Select(f => new LiveFlag(f.Name, f.Enabled, decisions[f.Name].Rollout)));
        var step = work.Steps.FirstOrDefault(s => s.Action == StepAction.WriteFlags);
        var result = ReconcileResult.Succeeded;
        var actions = 0;
        if (!live.Exists || !live.Flags.OrderBy(f => f.Name, StringComparer.Ordinal).SequenceEqual(file.Flags))
        {
            status.SetPhase(work.Key, StepAction.WriteFlags.ToString(), step?.Reason ?? $"The flags in {spec.File} move one progressive step.");
            var container = FlagSetObserver.ContainerOf(desired, spec)!;
            var action = new MutatingAction(work.Key, WriteFlags, container.Node, container.VmId, desired.Revision,
                live.Exists ? Describe(live.Flags) : null, Describe(file.Flags),
                new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = spec.File });
            result = await runner.RunAsync(action, token => WriteAsync(desired, spec, container, file, token), cancellationToken);
            actions = 1;
        }
        else if (reloadOwed.ContainsKey(spec.Name) && FlagSetObserver.ContainerOf(desired, spec) is { } container)
        {
            status.SetPhase(work.Key, ReloadFlags, $"{spec.File} is up to date; its reload failed before and runs again.");
            var action = new MutatingAction(work.Key, ReloadFlags, container.Node, container.VmId, desired.Revision, null, null,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = spec.File });
            result = await runner.RunAsync(action, token => ReloadAsync(desired, spec, container, token), cancellationToken);
            actions = 1;
        }

        if (result is Done)
        {
            // After the write: a record ahead of the file would claim a step that never reached the service.
            rollouts.Replace(spec.Name, decisions.Values.Select(d => d.Record).OfType<FlagRolloutRecord>());
            LogSteps(spec, decisions);
            result = Progress(decisions.Values);
        }

        var (sync, health, phase) = result switch
        {
            Done => (SyncStatus.Synced, HealthStatus.Healthy, (string?)null),
            RequeueAfter when decisions.Values.Any(d => d.State is FlagRolloutState.RolledBack or FlagRolloutState.Held) => (SyncStatus.OutOfSync, HealthStatus.Degraded, "Held"),
            RequeueAfter => (SyncStatus.OutOfSync, HealthStatus.Progressing, "Rollout"),
            _ => (SyncStatus.OutOfSync, HealthStatus.Degraded, null),
        };
        reporter.Report(work.Key, work.Fingerprint, desired.Revision, result, sync, health, result is Done ? 0 : step?.Changes.Length ?? 0, phase);
        return (actions, result);
    }

    private Dictionary<string, FlagRolloutDecision> Decide(FeatureFlagSetSpec spec, LiveFlagSet live, string revision)
    {
        var context = new FlagRolloutContext(spec.Name, spec.Service.Value, status.HealthOf(new UnitKey(UnitKind.Service, spec.Service.Value)), time.GetUtcNow(), revision);
        var records = rollouts.Of(spec.Name).ToDictionary(r => r.Flag, StringComparer.Ordinal);
        var percentages = live.Flags.ToDictionary(f => f.Name, f => f.Rollout, StringComparer.Ordinal);
        return spec.Flags.ToDictionary(
            f => f.Name,
            f => FlagRolloutPlanner.Decide(f, percentages.GetValueOrDefault(f.Name), records.GetValueOrDefault(f.Name), context),
            StringComparer.Ordinal);
    }

    // While any flag is between steps the unit comes back when the soonest step is due, or after the regular interval.
    private ReconcileResult Progress(IEnumerable<FlagRolloutDecision> decisions)
    {
        var moving = decisions.Where(d => d.State != FlagRolloutState.Complete).ToList();
        if (moving.Count == 0)
        {
            return ReconcileResult.Succeeded;
        }

        var now = time.GetUtcNow();
        var delay = moving.Select(d => d.NextAt is { } at ? at - now : scheduling.Interval).Append(scheduling.Interval).Min();
        return ReconcileResult.After(delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(1), string.Join(" ", moving.Select(d => d.Message)));
    }

    private void LogSteps(FeatureFlagSetSpec spec, Dictionary<string, FlagRolloutDecision> decisions)
    {
        foreach (var decision in decisions.Values)
        {
            if (decision.State == FlagRolloutState.Raised)
            {
                Log.FlagRaised(logger, spec.Name, decision.Message!);
            }
            else if (decision.State == FlagRolloutState.RolledBack)
            {
                Log.FlagRolledBack(logger, spec.Name, decision.Message!);
            }
        }
    }

    private async Task<ReconcileResult> WriteAsync(Desired desired, FeatureFlagSetSpec spec, ContainerSpec container, FlagFile file, CancellationToken cancellationToken)
    {
        if (observer.ShellFor(desired, spec) is not { } shell)
        {
            return ReconcileResult.Transient($"No guest shell reaches {container.Name.Value}.");
        }

        var written = await shell.WriteFileAtomicAsync(spec.File, file.ToBytes(), FileMode, null, cancellationToken);
        if (!written.Succeeded)
        {
            return ReconcileResult.Transient($"Cannot write {spec.File}: {written.Error}");
        }

        Log.FlagsWritten(logger, spec.Name, spec.File, container.Name.Value, desired.Revision);
        reloadOwed[spec.Name] = 0;
        return await ReloadAsync(desired, spec, container, cancellationToken);
    }

    private async Task<ReconcileResult> ReloadAsync(Desired desired, FeatureFlagSetSpec spec, ContainerSpec container, CancellationToken cancellationToken)
    {
        if (spec.Reload is not { } reload)
        {
            reloadOwed.TryRemove(spec.Name, out _);
            return ReconcileResult.Succeeded;
        }

        if (observer.ShellFor(desired, spec) is not { } shell)
        {
            return ReconcileResult.Transient($"No guest shell reaches {container.Name.Value}.");
        }

        var rendering = CommandRenderer.Render(reload, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["service"] = spec.Service.Value,
            ["vmid"] = container.VmId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["file"] = spec.File,
        });
        if (!rendering.Succeeded)
        {
            return ReconcileResult.Terminal($"The reload command cannot be rendered: {rendering.Error}");
        }

        var ran = await shell.RunAsync(rendering.Command!, ReloadTimeout, cancellationToken);
        if (ran.Succeeded && ran.Value.Succeeded)
        {
            reloadOwed.TryRemove(spec.Name, out _);
            return ReconcileResult.Succeeded;
        }

        return ReconcileResult.Transient($"The flags were written but the reload failed: {(ran.Succeeded ? $"exit {ran.Value.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{(ran.Value.TimedOut ? " (timed out)" : "")}: {ran.Value.Stderr.Trim()}" : ran.Error.ToString())}");
    }

    private static string Describe(IEnumerable<LiveFlag> flags) =>
        string.Join(", ", flags.Select(f => $"{f.Name}={(f.Enabled ? "on" : "off")}@{f.Rollout.ToString(System.Globalization.CultureInfo.InvariantCulture)}%"));
}
