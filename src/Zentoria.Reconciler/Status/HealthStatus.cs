namespace Zentoria.Reconciler.Status;

/// <summary>Whether the unit works (Argo CD's health axis), independent of whether it matches the desired state.</summary>
internal enum HealthStatus
{
    Unknown,
    Healthy,
    Progressing,
    Degraded,
    Missing,
    Suspended,
}
