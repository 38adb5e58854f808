using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>One feature flag.</summary>
/// <param name="Rollout">The percentage of users (0 to 100) that get the flag when it is enabled.</param>
/// <param name="Steps">Progressive rollout percentages, ascending; empty means the rollout is set at once.</param>
/// <param name="Interval">Time between progressive steps, or null.</param>
internal sealed record FlagSpec(string Name, bool Enabled, int Rollout, ImmutableArray<int> Steps, TimeSpan? Interval);
