using Zentoria.Reconciler.DesiredState.Loading;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Binding;

internal static class SpecMapping
{
    /// <summary>A reader over the document's <c>spec</c> whose paths start at the document (<c>containers[backend].vmid</c>).</summary>
    /// <returns>Null when there is no spec mapping to bind; the envelope or this method has said why.</returns>
    public static MappingReader? Open(Document document, BindingContext context, IReadOnlyCollection<string> knownKeys)
    {
        switch (document.Root["spec"])
        {
            case MappingNode spec:
                return new MappingReader(spec, document.Path, spec.Location, context, knownKeys);
            case ScalarNode { IsNull: true } or null:
                return null;
            case var other:
                context.Errors.Add(other.Location, "spec", $"expected a mapping, found {other.Describe()}");
                return null;
        }
    }
}
