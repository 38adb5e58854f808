using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>One document whose envelope (apiVersion, kind, metadata.name) has been checked.</summary>
/// <param name="Delete">An overlay's <c>$patch: delete</c>: remove the base document of the same kind and name.</param>
internal sealed record Document(string Kind, string Name, MappingNode Root, bool Delete, SourceLocation NameLocation)
{
    public string Path => DocumentKinds.PathOf(Kind, Name);

    public SourceLocation Origin => Root.Location;
}
