using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>A <c>kind: FeatureFlags</c> document: the flags file a service reads.</summary>
/// <param name="File">The absolute path of the JSON file inside the service's container.</param>
/// <param name="Reload">A command run after the file changes, or null.</param>
/// <param name="Flags">Sorted by name.</param>
internal sealed record FeatureFlagSetSpec(
    string Name,
    ServiceName Service,
    string File,
    CommandTemplate? Reload,
    ImmutableArray<FlagSpec> Flags,
    SourceLocation Origin);
