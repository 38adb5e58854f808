using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.DesiredState.Binding;

/// <summary>Every document bound to the model, before the rules that look across documents have run.</summary>
/// <param name="EnvironmentFolder">The environment's folder as errors print it, such as <c>desired-state/environments/production</c>.</param>
internal sealed record BoundState(
    string EnvironmentName,
    string EnvironmentFolder,
    ImmutableArray<Document> Documents,
    ImmutableArray<EnvironmentSpec> Environments,
    ImmutableArray<ContainerSpec> Containers,
    ImmutableArray<ServiceSpec> Services,
    ImmutableArray<FeatureFlagSetSpec> FeatureFlags)
{
    public static string PathOf(ContainerSpec container) => DocumentKinds.PathOf(DocumentKinds.Container, container.Name.Value);

    public static string PathOf(ServiceSpec service) => DocumentKinds.PathOf(DocumentKinds.Service, service.Name.Value);

    public static string PathOf(FeatureFlagSetSpec flags) => DocumentKinds.PathOf(DocumentKinds.FeatureFlags, flags.Name);
}
