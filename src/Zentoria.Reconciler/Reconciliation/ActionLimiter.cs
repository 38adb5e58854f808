namespace Zentoria.Reconciler.Reconciliation;

/// <summary>The global cap on mutating actions in flight (<see cref="SchedulingOptions.MaxConcurrentActions"/>).</summary>
internal sealed class ActionLimiter(SchedulingOptions options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.MaxConcurrentActions, options.MaxConcurrentActions);

    public int Available => slots.CurrentCount;

    /// <summary>Waits for a free slot; dispose the lease to give it back.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        return new Lease(slots);
    }

    public void Dispose() => slots.Dispose();
}
