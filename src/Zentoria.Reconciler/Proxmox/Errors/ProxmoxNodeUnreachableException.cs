namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// 595/596 (and 597–599): the node we talk to could not reach the node named in the path. These describe the
/// hop between PVE daemons, not our own connection; a 596 may have happened after the request was forwarded.
/// </summary>
internal sealed class ProxmoxNodeUnreachableException(string message, ProxmoxRequestContext? request, int statusCode, string? serverMessage)
    : ProxmoxException(ProxmoxErrorKind.NodeUnreachable, message, request, statusCode, serverMessage)
{
    public override bool MayHaveBeenApplied => StatusCode != 595;
}
