using System.Collections.Immutable;

namespace Zentoria.Reconciler.Status;

/// <summary>What status reports for one unit. See <c>docs/status-json.md</c> for the JSON shape scripts rely on.</summary>
/// <param name="Kind">The document kind: <c>Container</c>, <c>Service</c>, <c>FeatureFlags</c>, <c>Route</c>.</param>
/// <param name="Phase">What the unit is doing or last did, in one word (<c>Ready</c>, <c>Waiting</c>, <c>Retrying</c>, <c>Stalled</c>, or a step name).</param>
/// <param name="Message">One human sentence; the last error's text while failing.</param>
/// <param name="Revision">The desired-state revision last reconciled for this unit.</param>
/// <param name="LastError">The last error's text, kept after recovery until the next error replaces it; null if none yet.</param>
/// <param name="LastTransitionTime">When sync, health or phase last changed.</param>
/// <param name="Rollout">The blue/green or canary release under way or last finished; null for none.</param>
internal sealed record UnitStatus(
    string Kind,
    string Name,
    SyncStatus Sync,
    HealthStatus Health,
    string Phase,
    string Message,
    string? Revision,
    string? LastError,
    DateTimeOffset LastTransitionTime,
    ImmutableArray<Condition> Conditions,
    RolloutStatus? Rollout = null);
