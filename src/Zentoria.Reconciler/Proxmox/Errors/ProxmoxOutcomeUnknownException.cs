namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A create or clone lost its answer and the guest now exists, but its task could not be found. The caller
/// should re-observe rather than re-send.
/// </summary>
internal sealed class ProxmoxOutcomeUnknownException(string message, ProxmoxRequestContext? request, Exception innerException)
    : ProxmoxException(ProxmoxErrorKind.OutcomeUnknown, message, request, null, null, innerException)
{
    public override bool MayHaveBeenApplied => true;
}
