using System.Globalization;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Analysis;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Notifications;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Sources;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// The desired state each pass enforces, read through the configured source (<see cref="IDesiredStateSource"/>):
/// a folder is fetched before every pass, a git repository by its own loop (<see cref="SourceSyncService"/>). What
/// the source delivered is reported once per change: a new valid revision to status, metrics and the scheduler; a
/// rejected one to status, metrics, the log and one notification; a failed fetch to status.
/// </summary>
internal sealed class DesiredStateFeed(
    DesiredStateSource source,
    SourceSynchronizer synchronizer,
    StatusStore status,
    OperatorMetrics metrics,
    UnitScheduler scheduler,
    Notifier notifier,
    ILogger<DesiredStateFeed> logger)
{
    private const int ErrorsInNotification = 5;

    private string? acceptedRevision;
    private string? reportedRejection;
    private SourceStatus? reportedSource;

    public DesiredStateSource Source => source;

    /// <summary>The last valid desired state, the one being enforced; null until one has loaded.</summary>
    public Desired? LastValid => synchronizer.Current;

    /// <summary>The desired state to enforce this pass, or null while no valid revision has been fetched.</summary>
    public async Task<Desired?> LoadAsync(CancellationToken cancellationToken)
    {
        // A git source has its own loop, but the first pass must not run ahead of the first fetch.
        if (source.FetchesEveryPass || !synchronizer.HasTicked)
        {
            await synchronizer.TickAsync(cancellationToken);
        }

        var state = synchronizer.State;
        ReportSource(state);
        if (state.Desired is { } desired && desired.Revision != acceptedRevision)
        {
            var units = UnitWork.Declared(desired);
            status.AcceptDesired(desired.Revision, units);
            metrics.DeclareUnits(units);
            metrics.DeclareRollouts(
                desired.Services.Where(s => s.Strategy.Type != StrategyKind.Rolling).Select(s => (s.Name, s.Strategy.Type)),
                AnalysisSpec.Seed.ValueNames);
            metrics.SetDesiredRevision(desired.Revision);
            scheduler.Retain(units.ToHashSet());
            acceptedRevision = desired.Revision;
            Log.DesiredAccepted(logger, desired.Revision, units.Count);
        }

        ReportRejection(state);
        return state.Desired;
    }

    private void ReportRejection(SourceState state)
    {
        if (state.Rejected is not { } rejected)
        {
            if (reportedRejection is not null)
            {
                metrics.SetRejectedRevision(null, 0);
                reportedRejection = null;
            }

            return;
        }

        if (rejected.Revision == reportedRejection)
        {
            return;
        }

        var errors = rejected.Errors.Select(e => e.ToString()).ToList();
        var enforced = state.Desired?.Revision;
        status.RejectDesired(rejected.Revision, errors);
        metrics.SetRejectedRevision(rejected.Revision, errors.Count);
        Log.DesiredRejected(logger, rejected.Revision, errors.Count, enforced ?? "none");
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{errors.Count} validation error(s); {(enforced is null ? "nothing valid has loaded yet" : $"revision {enforced} stays in force")}.\n")
            + string.Join("\n", errors.Take(ErrorsInNotification))
            + (errors.Count > ErrorsInNotification ? $"\n… and {errors.Count - ErrorsInNotification} more (see status)" : "");
        notifier.Notify(new NotificationEvent(NotificationEvent.DesiredStateSubject, rejected.Revision, NotificationKind.RevisionRejected, message, rejected.At));
        reportedRejection = rejected.Revision;
    }

    private void ReportSource(SourceState state)
    {
        var next = new SourceStatus(source.Options.Kind.ToString(), synchronizer.Description, state.Failure?.Message, state.ConsecutiveFailures);
        if (next != reportedSource)
        {
            status.SetSource(next);
            reportedSource = next;
        }
    }
}
