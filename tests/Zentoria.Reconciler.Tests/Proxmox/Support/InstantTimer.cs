namespace Zentoria.Reconciler.Tests.Proxmox.Support;

internal sealed class InstantTimer(InstantDelayTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    private bool disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (!disposed)
        {
            owner.Fire(callback, state, dueTime);
        }

        return !disposed;
    }

    public void Dispose() => disposed = true;

    public ValueTask DisposeAsync()
    {
        disposed = true;
        return ValueTask.CompletedTask;
    }
}
