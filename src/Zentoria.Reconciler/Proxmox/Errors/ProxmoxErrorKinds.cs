namespace Zentoria.Reconciler.Proxmox;

internal static class ProxmoxErrorKinds
{
    /// <summary>
    /// Transient: the same call may succeed later without anyone changing the desired state (a lock is released,
    /// a node comes back, a re-read digest is fresh, a guest reached the state we wanted). Terminal: it will keep
    /// failing until the desired state or the configuration changes. Unknown server errors count as transient so
    /// that backoff, not a stall, handles what we have not classified.
    /// </summary>
    public static bool IsTransient(ProxmoxErrorKind kind) => kind switch
    {
        ProxmoxErrorKind.Parameter or ProxmoxErrorKind.Unauthorized or ProxmoxErrorKind.Forbidden
            or ProxmoxErrorKind.NotFound or ProxmoxErrorKind.AlreadyExists or ProxmoxErrorKind.NotImplemented or ProxmoxErrorKind.Refused
            or ProxmoxErrorKind.Certificate or ProxmoxErrorKind.Configuration or ProxmoxErrorKind.TaskFailed => false,
        _ => true,
    };
}
