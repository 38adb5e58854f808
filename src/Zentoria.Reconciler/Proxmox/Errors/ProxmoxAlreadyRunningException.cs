namespace Zentoria.Reconciler.Proxmox;

/// <summary>The guest is already running.</summary>
internal sealed class ProxmoxAlreadyRunningException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.AlreadyRunning, message, request, statusCode, serverMessage);
