namespace Zentoria.Reconciler.Status;

internal enum ConditionStatus
{
    Unknown,
    True,
    False,
}
