using System.Collections.Immutable;

namespace Zentoria.Reconciler.Guests.Health;

/// <summary>The outcome of a health check with its retries: healthy when an attempt passed, with every attempt kept.</summary>
/// <param name="ReportedVersion">The last version the service reported in any attempt, or null: the live version.</param>
internal sealed record HealthReport(bool Healthy, ImmutableArray<HealthAttempt> Attempts, string? ReportedVersion)
{
    public HealthAttempt LastAttempt => Attempts[^1];
}
