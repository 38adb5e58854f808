namespace Zentoria.Reconciler.Reconciliation;

/// <summary>Holds one slot of a semaphore until disposed; disposing twice releases once.</summary>
internal sealed class Lease(SemaphoreSlim semaphore) : IDisposable
{
    private int released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
