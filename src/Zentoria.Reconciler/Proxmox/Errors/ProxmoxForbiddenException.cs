namespace Zentoria.Reconciler.Proxmox;

/// <summary>403 <c>Permission check failed (/vms/100, VM.PowerMgmt)</c>.</summary>
internal sealed class ProxmoxForbiddenException(string message, string? aclPath, string? privilege, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.Forbidden, message, request, statusCode, serverMessage)
{
    /// <summary>The ACL path that was checked, such as <c>/vms/100</c>; null when Proxmox did not name one.</summary>
    public string? AclPath { get; } = aclPath;

    /// <summary>The missing privilege, such as <c>VM.PowerMgmt</c>; null when Proxmox did not name one.</summary>
    public string? Privilege { get; } = privilege;
}
