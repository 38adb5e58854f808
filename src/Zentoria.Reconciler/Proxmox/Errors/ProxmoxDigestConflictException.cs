namespace Zentoria.Reconciler.Proxmox;

/// <summary>The config changed since its digest was read; re-read and retry.</summary>
internal sealed class ProxmoxDigestConflictException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.DigestConflict, message, request, statusCode, serverMessage);
