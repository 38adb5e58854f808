namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// 500 <c>... does not exist</c>. A missing guest config is transient (the guest vanished; the next observation
/// shows it gone); a missing storage, template or snapshot is terminal (the desired state names something absent).
/// </summary>
internal sealed class ProxmoxNotFoundException(string message, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.NotFound, message, request, statusCode, serverMessage)
{
    public override bool IsTransient => ServerMessage?.StartsWith("Configuration file ", StringComparison.Ordinal) == true;
}
