namespace Zentoria.Reconciler.Status;

/// <summary>The kstatus conditions Flux uses: Ready is normal-true; Reconciling and Stalled are abnormal-true.</summary>
internal enum ConditionType
{
    Ready,
    Reconciling,
    Stalled,
}
