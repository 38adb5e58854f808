namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A failed Proxmox call. The message is one line meant for a person; it never contains credentials.
/// </summary>
internal class ProxmoxException : Exception
{
    public ProxmoxException(ProxmoxErrorKind kind, string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Request = request;
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    public ProxmoxErrorKind Kind { get; }

    public virtual bool IsTransient => ProxmoxErrorKinds.IsTransient(Kind);

    /// <summary>True when the server may have acted although no answer arrived, so the call must not be re-sent blindly.</summary>
    public virtual bool MayHaveBeenApplied => false;

    public ProxmoxRequestContext? Request { get; }

    /// <summary>The HTTP status (including Proxmox's 595/596), or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The error text as Proxmox sent it, normalised to one line.</summary>
    public string? ServerMessage { get; }
}
