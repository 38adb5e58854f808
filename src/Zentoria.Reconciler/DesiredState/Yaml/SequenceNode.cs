using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState.Yaml;

internal sealed record SequenceNode(ImmutableArray<YamlNode> Items, SourceLocation Location) : YamlNode(Location)
{
    public override string Describe() => "a list";
}
