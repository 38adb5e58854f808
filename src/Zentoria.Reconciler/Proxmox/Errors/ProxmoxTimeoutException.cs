namespace Zentoria.Reconciler.Proxmox;

/// <summary>The call did not finish within its timeout; the server may still have acted on it.</summary>
internal sealed class ProxmoxTimeoutException(string message, ProxmoxRequestContext? request = null, Exception? innerException = null)
    : ProxmoxException(ProxmoxErrorKind.Timeout, message, request, null, null, innerException)
{
    public override bool MayHaveBeenApplied => true;
}
