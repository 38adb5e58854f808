using System.Runtime.ExceptionServices;
using Zentoria.Reconciler.DesiredState;
using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Observe;

/// <summary>
/// One observation's config reads: batches that share the cluster-wide parallelism and one stop. The first failure of
/// a needed read stops them all, and is the one reported; the others are mostly the cancellation it caused.
/// </summary>
internal sealed class ConfigReads(ProxmoxClient client, int parallelism, CancellationToken cancellationToken) : IDisposable
{
    private readonly CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    private Exception? first;

    public SemaphoreSlim Cluster { get; } = new(parallelism, parallelism);

    public CancellationToken Token => stop.Token;

    public bool Stopped => stop.IsCancellationRequested;

    /// <param name="results">Where each read's answer goes, at its target's <c>Slot</c>; a slot stays null if its read failed or was skipped.</param>
    /// <param name="guesses">
    /// Reads sent before the listing confirmed the nodes: one attempt each, and their failures are not the observation's
    /// (see <see cref="ConfigReadBatch"/>).
    /// </param>
    public ConfigReadBatch Start(IReadOnlyList<(VmId VmId, NodeName Node, int Slot)> targets, IReadOnlyList<PendingConfigValue>?[] results, bool guesses) =>
        new(this, client, targets, results, guesses);

    /// <summary>Records a needed read's failure and stops the others.</summary>
    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref first, failure, null);
        Stop();
    }

    /// <summary>Stops every read not yet answered, as when the observation fails for another reason.</summary>
    public void Stop() => stop.Cancel();

    /// <summary>After every batch completed: the first failure of a needed read, or the caller's cancellation.</summary>
    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref first) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose()
    {
        stop.Dispose();
        Cluster.Dispose();
    }
}
