using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// Source → loader → pass: fetches on its jittered interval or when a webhook asks, loads each new revision, and
/// puts it in force only when it is valid. A failed fetch or an invalid revision leaves the last valid one in force.
/// </summary>
/// <remarks><see cref="TickAsync"/> is the single step tests drive; <see cref="RunAsync"/> is a thin loop around it.</remarks>
internal sealed class SourceSynchronizer(
    IDesiredStateSource source,
    string environment,
    FetchTrigger fetches,
    ReconcileTrigger passes,
    SourcePollingOptions options,
    Randomizer random,
    TimeProvider time,
    ILogger logger) : IDisposable
{
    private readonly BackoffPolicy backoff = new(options.ToScheduling(), random);
    private readonly SemaphoreSlim ticking = new(1, 1);
    private SourceState state = SourceState.Empty;
    private int ticks;

    public SourceState State => Volatile.Read(ref state);

    /// <inheritdoc cref="IDesiredStateSource.Description"/>
    public string Description => source.Description;

    /// <summary>The desired state to enforce, or null while no valid revision has been fetched.</summary>
    public Desired? Current => State.Desired;

    /// <summary>Whether a fetch has completed (well or not) since start; until then <see cref="State"/> says nothing yet.</summary>
    public bool HasTicked => Volatile.Read(ref ticks) > 0;

    /// <summary>Fetches once and puts a new valid revision in force. Ticks from the loop and from a pass never overlap.</summary>
    public async Task<SourceTickOutcome> TickAsync(CancellationToken cancellationToken)
    {
        await ticking.WaitAsync(cancellationToken);
        try
        {
            return await TickCoreAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Increment(ref ticks);
            ticking.Release();
        }
    }

    private async Task<SourceTickOutcome> TickCoreAsync(CancellationToken cancellationToken)
    {
        var current = State;
        var fetched = await source.FetchAsync(cancellationToken);
        if (!fetched.Succeeded)
        {
            var failed = current with { Failure = fetched.Failure, ConsecutiveFailures = current.ConsecutiveFailures + 1 };
            Publish(failed.Desired is null && Recall() is { } recalled ? failed with { Desired = recalled } : failed);
            return SourceTickOutcome.FetchFailed;
        }

        var revision = fetched.Snapshot.Revision;
        if (revision == current.Desired?.Revision || revision == current.Rejected?.Revision)
        {
            Publish(current with { Failure = null, ConsecutiveFailures = 0 });
            return SourceTickOutcome.Unchanged;
        }

        var loaded = fetched.Snapshot.Loaded ?? DesiredStateLoader.Load(fetched.Snapshot.Path, environment);
        if (!loaded.IsValid)
        {
            Log.RevisionRejected(logger, revision, loaded.Errors.Length);
            Publish(current with { Rejected = new RejectedRevision(revision, loaded.Errors, time.GetUtcNow()), Failure = null, ConsecutiveFailures = 0 });
            return SourceTickOutcome.Rejected;
        }

        // The commit SHA names the revision in status, metrics and audit; the loader only knows a content hash.
        Publish(new SourceState(loaded.Desired with { Revision = revision }, null, null, 0));
        source.MarkApplied(fetched.Snapshot);
        return SourceTickOutcome.Applied;
    }

    // After a restart with the source failing: what was in force before, if it is still on disk and still loads.
    private Desired? Recall()
    {
        if (source.LastApplied is not { } last)
        {
            return null;
        }

        var loaded = DesiredStateLoader.Load(last.Path, environment);
        if (!loaded.IsValid)
        {
            return null;
        }

        Log.Recalled(logger, last.Revision);
        return loaded.Desired with { Revision = last.Revision };
    }

    /// <summary>Fetches until cancelled; never throws for a failed fetch.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // A new revision, a newly rejected one, or the first failed fetch of a streak is news for the pass:
                // enforce it, or report it, at once. Later failures of the same streak only back off.
                var outcome = await TickAsync(cancellationToken);
                if (outcome is SourceTickOutcome.Applied or SourceTickOutcome.Rejected
                    || (outcome is SourceTickOutcome.FetchFailed && State.ConsecutiveFailures == 1))
                {
                    passes.Request();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad fetch must not end polling; it counts as a failure and backs off.
                Log.TickFailed(logger, e);
                var current = State;
                Publish(current with { Failure = new SourceFailure(SourceFailureKind.Failed, e.Message), ConsecutiveFailures = current.ConsecutiveFailures + 1 });
            }

            await fetches.WaitAsync(NextDelay(), time, cancellationToken);
        }
    }

    /// <summary>The jittered interval after a good fetch; capped exponential backoff after failed ones.</summary>
    public TimeSpan NextDelay()
    {
        var failures = State.ConsecutiveFailures;
        return failures > 0 ? backoff.NextBackoff(failures) : backoff.NextInterval();
    }

    public void Dispose() => ticking.Dispose();

    private void Publish(SourceState next) => Volatile.Write(ref state, next);
}
