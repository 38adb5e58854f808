using Zentoria.Reconciler.DesiredState.Loading;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class DocumentBinder
{
    public static BoundState Bind(IReadOnlyList<Document> documents, string environmentName, string environmentFolder, BindingContext context)
    {
        IEnumerable<T> Each<T>(string kind, Func<Document, BindingContext, T?> bind)
            where T : class =>
            documents.Where(d => d.Kind == kind).Select(d => bind(d, context)).OfType<T>();

        return new BoundState(
            environmentName,
            environmentFolder,
            [.. documents],
            [.. Each(DocumentKinds.Environment, EnvironmentBinder.Bind)],
            [.. Each(DocumentKinds.Container, ContainerBinder.Bind)],
            [.. Each(DocumentKinds.Service, ServiceBinder.Bind)],
            [.. Each(DocumentKinds.FeatureFlags, FeatureFlagsBinder.Bind)]);
    }
}
