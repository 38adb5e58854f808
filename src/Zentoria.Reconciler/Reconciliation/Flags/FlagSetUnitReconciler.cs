using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Guests.Commands;
using Zentoria.Reconciler.Guests.Flags;
using Zentoria.Reconciler.Planning;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>
/// Converges one flag set: writes its file atomically through the guest shell (journaled and audited by
/// <see cref="ActionRunner"/>), runs the reload command if there is one, and reports the unit.
/// </summary>
internal sealed class FlagSetUnitReconciler(FlagSetObserver observer, ActionRunner runner, UnitReporter reporter, StatusStore status, SchedulingOptions scheduling, ILogger<FlagSetUnitReconciler> logger)
{
    public const string WriteFlags = "write-flags";

    /// <summary>The file is read by the service's user, and holds no secrets.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(30);

    public static readonly string[] ActionNames = [WriteFlags];

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

        var step = work.Steps.FirstOrDefault(s => s.Action == StepAction.WriteFlags);
        if (step is null)
        {
            reporter.Report(work.Key, work.Fingerprint, desired.Revision, ReconcileResult.Succeeded, SyncStatus.Synced, HealthStatus.Healthy, 0);
            return (0, ReconcileResult.Succeeded);
        }

        status.SetPhase(work.Key, step.Action.ToString(), step.Reason);
        var liveRollout = live.Flags.ToDictionary(f => f.Name, f => f.Rollout, StringComparer.Ordinal);
        var file = FlagFile.Of(desired.Revision, spec.Flags.Select(f => new LiveFlag(f.Name, f.Enabled, FlagSetPlanner.NextRollout(f, liveRollout.GetValueOrDefault(f.Name)))));
        var container = FlagSetObserver.ContainerOf(desired, spec)!;
        var action = new MutatingAction(work.Key, WriteFlags, container.Node, container.VmId, desired.Revision,
            live.Exists ? Describe(live.Flags) : null, Describe(file.Flags),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = spec.File });
        var result = await runner.RunAsync(action, token => WriteAsync(desired, spec, container, file, token), cancellationToken);

        // A progressive rollout is written one step at a time: the unit stays OutOfSync until the last step is live.
        var rising = spec.Flags.Any(f => file.Flags.First(w => w.Name == f.Name).Rollout != f.Rollout);
        if (result is Done && rising)
        {
            result = ReconcileResult.After(spec.Flags.Select(f => f.Interval).Where(i => i is not null).DefaultIfEmpty(scheduling.Interval).Min()!.Value,
                "a progressive rollout moves one step per interval");
        }

        var (sync, health) = result switch
        {
            Done => (SyncStatus.Synced, HealthStatus.Healthy),
            RequeueAfter => (SyncStatus.OutOfSync, HealthStatus.Progressing),
            _ => (SyncStatus.OutOfSync, HealthStatus.Degraded),
        };
        reporter.Report(work.Key, work.Fingerprint, desired.Revision, result, sync, health, result is Done ? 0 : step.Changes.Length);
        return (1, result);
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
        if (spec.Reload is not { } reload)
        {
            return ReconcileResult.Succeeded;
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
        return ran.Succeeded && ran.Value.Succeeded
            ? ReconcileResult.Succeeded
            : ReconcileResult.Transient($"The flags were written but the reload failed: {(ran.Succeeded ? $"exit {ran.Value.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}{(ran.Value.TimedOut ? " (timed out)" : "")}: {ran.Value.Stderr.Trim()}" : ran.Error.ToString())}");
    }

    private static string Describe(IEnumerable<LiveFlag> flags) =>
        string.Join(", ", flags.Select(f => $"{f.Name}={(f.Enabled ? "on" : "off")}@{f.Rollout.ToString(System.Globalization.CultureInfo.InvariantCulture)}%"));
}
