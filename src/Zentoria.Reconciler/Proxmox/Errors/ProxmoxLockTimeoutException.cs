namespace Zentoria.Reconciler.Proxmox;

/// <summary>Proxmox could not take the guest's config file lock within 10 s; nothing was changed.</summary>
internal sealed class ProxmoxLockTimeoutException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.LockTimeout, message, request, statusCode, serverMessage);
