namespace Zentoria.Reconciler.DesiredState;

internal enum PowerState
{
    Running,
    Stopped,
}
