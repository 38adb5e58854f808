namespace Zentoria.Reconciler.Proxmox;

/// <summary>The task was still running at the waiting deadline; it may still finish.</summary>
internal sealed class ProxmoxTaskTimeoutException(string message, Upid upid)
    : ProxmoxException(ProxmoxErrorKind.TaskTimeout, message)
{
    public Upid Upid { get; } = upid;
}
