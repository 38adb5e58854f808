namespace Zentoria.Reconciler.Audit;

internal enum AuditResult
{
    Succeeded,
    Failed,
}
