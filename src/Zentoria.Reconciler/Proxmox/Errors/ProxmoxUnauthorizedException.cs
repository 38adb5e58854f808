namespace Zentoria.Reconciler.Proxmox;

/// <summary>Proxmox rejected the credentials (401).</summary>
internal sealed class ProxmoxUnauthorizedException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.Unauthorized, message, request, statusCode, serverMessage);
