namespace Zentoria.Reconciler.Proxmox;

/// <summary>No usable HTTP answer: the host was not found, refused the connection, or dropped it.</summary>
internal sealed class ProxmoxConnectionException(string message, bool requestSent, ProxmoxRequestContext? request = null, Exception? innerException = null)
    : ProxmoxException(ProxmoxErrorKind.ConnectionFailed, message, request, null, null, innerException)
{
    /// <summary>False when the connection failed before any byte of the request left, so re-sending is safe.</summary>
    public bool RequestSent { get; } = requestSent;

    public override bool MayHaveBeenApplied => RequestSent;
}
