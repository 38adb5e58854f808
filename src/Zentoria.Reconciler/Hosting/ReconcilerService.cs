using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;
using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Hosting;

/// <summary>
/// The operator's loop: run a pass, wait until the next is due (or triggered), repeat until shutdown. It never
/// dies of a pass: an exception is caught, logged once, counted, and the next pass backs off exponentially.
/// </summary>
/// <remarks>
/// <see cref="ExecuteAsync"/> is deliberately thin; tests drive <see cref="RunPassAsync"/> with a fake clock.
/// On shutdown the pass in flight keeps its token for <see cref="LoopOptions.ShutdownTimeout"/> so the step it
/// is in finishes and is journaled; only then is it cancelled.
/// </remarks>
internal sealed class ReconcilerService(
    PassRunner runPass,
    UnitScheduler scheduler,
    ReconcileTrigger trigger,
    BackoffPolicy backoff,
    StatusStore status,
    OperatorMetrics metrics,
    LoopOptions options,
    TimeProvider time,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    private int consecutiveExceptions;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = await RunPassAsync(stoppingToken);
            try
            {
                if (await trigger.WaitAsync(delay, time, stoppingToken) == WakeReason.Triggered)
                {
                    Log.Triggered(logger);
                    scheduler.ExpediteAll();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Runs one pass and returns how long to wait before the next one.</summary>
    /// <param name="stoppingToken">Host shutdown; the pass itself is cancelled only <see cref="LoopOptions.ShutdownTimeout"/> later.</param>
    internal async Task<TimeSpan> RunPassAsync(CancellationToken stoppingToken)
    {
        using var scope = Log.BeginPass(logger, NewReconcileId());
        using var pass = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var grace = stoppingToken.Register(() => pass.CancelAfter(options.ShutdownTimeout));
        status.PassStarted();
        Log.PassStarted(logger);
        var started = time.GetTimestamp();
        PassResult result;
        try
        {
            result = await runPass(pass.Token);
        }
        catch (OperationCanceledException) when (pass.IsCancellationRequested && stoppingToken.IsCancellationRequested)
        {
            Log.PassCutShort(logger, options.ShutdownTimeout.TotalSeconds);
            status.PassFinished(observed: false, succeeded: false);
            return TimeSpan.Zero;
        }
        catch (Exception e)
        {
            consecutiveExceptions++;
            var wait = backoff.NextBackoff(consecutiveExceptions);
            var elapsed = time.GetElapsedTime(started);
            metrics.PassCompleted(PassOutcome.Exception, elapsed, time.GetUtcNow());
            status.PassFinished(observed: false, succeeded: false);
            Log.PassThrew(logger, e, elapsed.TotalSeconds, consecutiveExceptions, wait.TotalSeconds);
            return wait;
        }

        consecutiveExceptions = 0;
        var duration = time.GetElapsedTime(started);
        metrics.PassCompleted(result.Outcome, duration, time.GetUtcNow());
        status.PassFinished(result.Observed, result.Outcome == PassOutcome.Success);
        var next = NextDelay();
        Log.PassFinished(logger, result.Outcome.ToString(), result.UnitsReconciled, result.ActionsTaken, duration.TotalSeconds, next.TotalSeconds);
        return next;
    }

    // The regular jittered interval, unless a unit's requeue or backoff falls due sooner. The floor keeps a unit
    // that a pass leaves due (skipped, never recorded) from turning the loop into a hot loop.
    private TimeSpan NextDelay()
    {
        var interval = backoff.NextInterval();
        if (scheduler.NextDueAt() is not { } due)
        {
            return interval;
        }

        var untilDue = due - time.GetUtcNow();
        return untilDue < options.MinimumPassGap ? options.MinimumPassGap : untilDue < interval ? untilDue : interval;
    }

    private static string NewReconcileId() => Guid.NewGuid().ToString("N")[..12];
}
