using Zentoria.Reconciler.Status;

namespace Zentoria.Reconciler.Reconciliation.Flags;

/// <summary>What every flag of one set shares in one decision: the owning service's health, the time and the revision.</summary>
internal sealed record FlagRolloutContext(string FlagSet, string Service, HealthStatus Health, DateTimeOffset Now, string Revision);
