namespace Zentoria.Reconciler.Reconciliation.Rollouts;

/// <summary>
/// The health checks made during one pass, per side and version: a check counts only for the version it was made
/// on, and none outlives the pass, so a restarted operator checks again before moving traffic.
/// </summary>
internal sealed class HealthMemo
{
    private readonly Dictionary<Side, (string? Version, bool Healthy)> checks = [];

    public void Set(Side side, string? version, bool healthy) => checks[side] = (version, healthy);

    public bool? Of(Side side, string? version) =>
        version is not null && checks.TryGetValue(side, out var check) && check.Version == version ? check.Healthy : null;
}
