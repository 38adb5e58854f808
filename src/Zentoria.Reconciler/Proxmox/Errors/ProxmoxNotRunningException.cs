namespace Zentoria.Reconciler.Proxmox;

/// <summary>The guest is not running.</summary>
internal sealed class ProxmoxNotRunningException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.NotRunning, message, request, statusCode, serverMessage);
