using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState;

/// <summary>The whole, validated desired state of one environment, with base and overlay merged.</summary>
/// <param name="Revision">What it was loaded from: a commit SHA, or a content hash for a plain folder.</param>
internal sealed record Desired(
    EnvironmentSpec Environment,
    ImmutableArray<ContainerSpec> Containers,
    ImmutableArray<ServiceSpec> Services,
    ImmutableArray<FeatureFlagSetSpec> FeatureFlags,
    string Revision)
{
    public ContainerSpec? FindContainer(ContainerName name) => Containers.FirstOrDefault(c => c.Name == name);

    public ServiceSpec? FindService(ServiceName name) => Services.FirstOrDefault(s => s.Name == name);
}
