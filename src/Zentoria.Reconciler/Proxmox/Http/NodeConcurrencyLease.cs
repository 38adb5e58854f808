namespace Zentoria.Reconciler.Proxmox;

internal readonly struct NodeConcurrencyLease(SemaphoreSlim gate) : IDisposable
{
    public void Dispose() => gate.Release();
}
