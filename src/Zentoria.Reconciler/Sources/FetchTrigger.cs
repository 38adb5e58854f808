using Zentoria.Reconciler.Reconciliation;

namespace Zentoria.Reconciler.Sources;

/// <summary>
/// Makes the next fetch start at once (a webhook arrived). Requests coalesce exactly as
/// <see cref="ReconcileTrigger"/>'s do, so a storm of webhooks costs one fetch, plus one more if it arrived while
/// a fetch was running.
/// </summary>
internal sealed class FetchTrigger
{
    private readonly ReconcileTrigger requests = new();

    public void Request() => requests.Request();

    /// <inheritdoc cref="ReconcileTrigger.WaitAsync"/>
    public Task<WakeReason> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken) =>
        requests.WaitAsync(delay, time, cancellationToken);
}
