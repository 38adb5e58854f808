using Zentoria.Reconciler.Proxmox;

namespace Zentoria.Reconciler.Reconciliation.Containers;

/// <summary>The client's error classes as reconcile results: transient ones back off, terminal ones stall the unit.</summary>
internal static class ProxmoxOutcome
{
    public static ReconcileResult From(ProxmoxException error) =>
        error.IsTransient ? ReconcileResult.Transient(error.Message) : ReconcileResult.Terminal(error.Message);

    /// <summary>Runs <paramref name="work"/>, turning any Proxmox failure into the unit's result.</summary>
    public static async Task<T> Guard<T>(Func<Task<T>> work, Func<ReconcileResult, T> onError)
    {
        try
        {
            return await work();
        }
        catch (ProxmoxException e)
        {
            return onError(From(e));
        }
    }

    public static Task<ReconcileResult> Guard(Func<Task<ReconcileResult>> work) => Guard(work, r => r);
}
