namespace Zentoria.Reconciler.Proxmox;

/// <summary>What went wrong, independent of how Proxmox spelled it. <see cref="ProxmoxErrorKinds.IsTransient"/> says which kinds may pass.</summary>
internal enum ProxmoxErrorKind
{
    ApiError,
    Parameter,
    Unauthorized,
    Forbidden,
    NotFound,
    AlreadyExists,
    Locked,
    DigestConflict,
    AlreadyRunning,
    NotRunning,
    LockTimeout,
    NodeUnreachable,
    NotImplemented,

    /// <summary>A known refusal that repeats until the guest or the request changes: missing storage feature, protection, read-only or required option, template.</summary>
    Refused,
    ConnectionFailed,
    Timeout,
    Certificate,
    TaskFailed,
    TaskTimeout,
    OutcomeUnknown,
    Configuration,
}
