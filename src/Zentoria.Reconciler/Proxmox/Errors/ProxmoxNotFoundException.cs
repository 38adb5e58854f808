namespace Zentoria.Reconciler.Proxmox;

/// <summary>The resource does not exist (500 <c>... does not exist</c>).</summary>
internal sealed class ProxmoxNotFoundException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.NotFound, message, request, statusCode, serverMessage);
