namespace Zentoria.Reconciler.Proxmox;

internal static class ProxmoxErrorKinds
{
    /// <summary>
    /// Transient: worth another try after a backoff and a fresh observation of the cluster. Locks clear, nodes
    /// return, a digest is read again, and a guest that already exists, already runs or has vanished is seen as
    /// it is on the next pass. Terminal: it keeps failing until the desired state or the client configuration
    /// changes (parameters, permissions, credentials, TLS, a missing storage or snapshot, a known refusal, an
    /// unknown path). Unknown server errors count as transient, so backoff rather than a stall handles what this
    /// table does not know yet.
    /// </summary>
    public static bool IsTransient(ProxmoxErrorKind kind) => kind switch
    {
        ProxmoxErrorKind.Parameter or ProxmoxErrorKind.Unauthorized or ProxmoxErrorKind.Forbidden
            or ProxmoxErrorKind.NotFound or ProxmoxErrorKind.NotImplemented or ProxmoxErrorKind.Refused
            or ProxmoxErrorKind.Certificate or ProxmoxErrorKind.Configuration or ProxmoxErrorKind.TaskFailed => false,
        _ => true,
    };
}
