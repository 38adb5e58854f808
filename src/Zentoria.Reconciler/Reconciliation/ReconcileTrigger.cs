using System.Threading.Channels;

namespace Zentoria.Reconciler.Reconciliation;

/// <summary>
/// Makes the next pass start at once. Requests coalesce: any number made while the loop waits cost one pass,
/// and any made while a pass runs cost exactly one more pass right after it (the pass in flight may have
/// observed too early to see what prompted them).
/// </summary>
internal sealed class ReconcileTrigger
{
    // Capacity one with DropWrite is the coalescing: a pending request absorbs all later ones.
    private readonly Channel<bool> requests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Request() => requests.Writer.TryWrite(true);

    /// <summary>Waits for <paramref name="delay"/> or a request, whichever comes first, and consumes the request.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<WakeReason> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (requests.Reader.TryRead(out _))
        {
            return WakeReason.Triggered;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, waiting.Token);
        var requested = requests.Reader.WaitToReadAsync(waiting.Token).AsTask();
        await Task.WhenAny(elapsed, requested);
        await waiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return requests.Reader.TryRead(out _) ? WakeReason.Triggered : WakeReason.Elapsed;
    }
}
