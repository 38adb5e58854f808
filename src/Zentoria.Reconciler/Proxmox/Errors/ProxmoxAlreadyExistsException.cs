namespace Zentoria.Reconciler.Proxmox;

/// <summary>A guest with that id already exists.</summary>
internal sealed class ProxmoxAlreadyExistsException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.AlreadyExists, message, request, statusCode, serverMessage);
