namespace Zentoria.Reconciler.Reconciliation.Services;

/// <summary>A version that failed its deploy under one desired-state revision, and why.</summary>
/// <param name="Reason">What status shows: the failure and what the rollback did. Never secrets.</param>
/// <param name="RolledBack">The previous version (or the snapshot) runs healthy again; false when nothing healthy was left.</param>
internal sealed record FailedDeployment(string Service, string Version, string Revision, string Reason, bool RolledBack, DateTimeOffset FailedAt);
