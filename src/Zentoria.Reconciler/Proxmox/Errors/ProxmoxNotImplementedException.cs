namespace Zentoria.Reconciler.Proxmox;

/// <summary>Unknown path or method (501).</summary>
internal sealed class ProxmoxNotImplementedException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.NotImplemented, message, request, statusCode, serverMessage);
