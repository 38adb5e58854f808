namespace Zentoria.Reconciler.Proxmox;

/// <summary>
/// A task ended with an exit status other than <c>OK</c> or <c>WARNINGS: n</c>. <see cref="Cause"/> classifies
/// the exit status with the same table as HTTP errors, so a task that failed on <c>CT is locked (backup)</c>
/// is transient while one that failed on <c>snapshot feature is not available</c> is not.
/// </summary>
internal sealed class ProxmoxTaskFailedException(string message, Upid upid, string exitStatus, ProxmoxException cause, IReadOnlyList<string> lastLogLines)
    : ProxmoxException(ProxmoxErrorKind.TaskFailed, message, null, null, exitStatus)
{
    public Upid Upid { get; } = upid;

    public string ExitStatus { get; } = exitStatus;

    public ProxmoxErrorKind Cause { get; } = cause.Kind;

    /// <summary>The task log's last lines, oldest first.</summary>
    public IReadOnlyList<string> LastLogLines { get; } = lastLogLines;

    public override bool IsTransient { get; } = cause.IsTransient;
}
