namespace Zentoria.Reconciler.Proxmox;

/// <summary><c>CT is locked (backup)</c>: another operation holds the guest's lock.</summary>
internal sealed class ProxmoxLockedException(string message, string lockKind, ProxmoxRequestContext? request = null, int? statusCode = null, string? serverMessage = null)
    : ProxmoxException(ProxmoxErrorKind.Locked, message, request, statusCode, serverMessage)
{
    /// <summary>The lock name, such as <c>backup</c>, <c>disk</c>, <c>snapshot</c> or <c>create</c>.</summary>
    public string LockKind { get; } = lockKind;
}
