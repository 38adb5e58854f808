namespace Zentoria.Reconciler.DesiredState;

internal enum HealthCheckKind
{
    Http,
    Tcp,
    Command,
}
