namespace Zentoria.Reconciler.Proxmox;

/// <summary>A page of a task log and the log's total line count.</summary>
internal sealed record ProxmoxTaskLog(IReadOnlyList<TaskLogLine> Lines, int Total);
