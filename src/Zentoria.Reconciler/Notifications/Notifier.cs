using Microsoft.Extensions.Logging;
using Zentoria.Reconciler.Observability;
using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Notifications;

/// <summary>
/// Tells people about final events through the configured webhooks: <see cref="Notify"/> records an event once (a
/// second call for the same subject, revision and kind is refused) and <see cref="RunAsync"/> delivers it, retrying
/// failed targets with capped exponential backoff until every target has it or the attempts run out.
/// </summary>
internal sealed class Notifier(
    NotificationLedger ledger,
    NotificationOptions options,
    WebhookSender sender,
    string environment,
    SecretRedactor redactor,
    Randomizer random,
    TimeProvider time,
    ILogger<Notifier> logger)
{
    // Nothing is due: the loop only wakes for a new event, but looks again now and then all the same.
    private static readonly TimeSpan IdleWait = TimeSpan.FromHours(1);

    private readonly ReconcileTrigger wake = new();
    private readonly BackoffPolicy backoff = new(
        new SchedulingOptions { BackoffInitial = options.BackoffInitial, BackoffMax = options.BackoffMax, JitterFraction = 0.1 }, random);

    /// <summary>Queues <paramref name="e"/> for delivery; false when it was queued before or no target is configured.</summary>
    public bool Notify(NotificationEvent e)
    {
        if (options.Webhooks.Count == 0)
        {
            return false;
        }

        var safe = e with { Subject = redactor.Redact(e.Subject), Message = redactor.Redact(e.Message) };
        if (!ledger.TryAdd(safe))
        {
            Log.Duplicate(logger, e.Kind, safe.Subject, e.Revision);
            return false;
        }

        Log.Queued(logger, e.Kind, safe.Subject, e.Revision);
        wake.Request();
        return true;
    }

    /// <summary>Delivers until cancelled; never throws for a target that fails.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.DeliveryThrew(logger, e);
            }

            var next = ledger.NextDue() is { } at ? at - time.GetUtcNow() : IdleWait;
            await wake.WaitAsync(next < IdleWait ? next : IdleWait, time, cancellationToken);
        }
    }

    /// <summary>One round: every due entry is tried once on each target that has not had it yet.</summary>
    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in ledger.Due(time.GetUtcNow()))
        {
            var delivered = entry.DeliveredTo.ToBuilder();
            foreach (var target in options.Webhooks.Where(t => !delivered.Contains(NotificationTargets.Id(t))))
            {
                if (await sender.SendAsync(target, NotificationPayload.Build(target.Format, entry.Event, environment), cancellationToken))
                {
                    delivered.Add(NotificationTargets.Id(target));
                }
            }

            var attempts = entry.Attempts + 1;
            var missing = options.Webhooks.Count(t => !delivered.Contains(NotificationTargets.Id(t)));
            var e = entry.Event;
            if (missing == 0 || attempts >= options.MaxAttempts)
            {
                ledger.Update(entry with { DeliveredTo = delivered.ToImmutable(), Attempts = attempts, NextAttemptAt = null, Finished = true });
                if (missing == 0)
                {
                    Log.Delivered(logger, e.Kind, e.Subject, attempts);
                }
                else
                {
                    Log.GaveUp(logger, e.Kind, e.Subject, e.Revision, attempts, missing);
                }

                continue;
            }

            var wait = backoff.NextBackoff(attempts);
            ledger.Update(entry with { DeliveredTo = delivered.ToImmutable(), Attempts = attempts, NextAttemptAt = time.GetUtcNow() + wait });
            Log.Retrying(logger, e.Kind, e.Subject, attempts, missing, wait.TotalSeconds);
        }
    }
}
