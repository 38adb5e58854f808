namespace Zentoria.Reconciler.DesiredState;

internal enum SyncWindowKind
{
    Allow,
    Deny,
}
