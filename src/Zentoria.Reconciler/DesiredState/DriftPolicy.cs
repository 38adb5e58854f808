using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <param name="Mode">What to do about drift.</param>
/// <param name="IgnoreFields">Field paths (as the plan names them, such as <c>resources.memoryMiB</c>) never reported as drift.</param>
internal sealed record DriftPolicy(DriftMode Mode, ImmutableArray<string> IgnoreFields)
{
    public static readonly DriftPolicy Default = new(DriftMode.Correct, []);

    public bool Ignores(string field) => IgnoreFields.Contains(field, StringComparer.Ordinal);
}
