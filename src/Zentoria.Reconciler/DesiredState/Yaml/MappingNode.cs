using System.Collections.Immutable;

namespace Zentoria.Reconciler.DesiredState.Yaml;

/// <summary>A mapping with unique keys in written order.</summary>
/// <param name="DuplicateKeys">Keys written a second time; the later value won, and the binder reports each one
/// where the field path is known.</param>
/// <param name="RemovedKeys">Keys an overlay removed with <c>null</c>, so that a required field removed this way is
/// reported where the <c>null</c> was written.</param>
internal sealed record MappingNode(
    ImmutableArray<MappingEntry> Entries,
    ImmutableArray<ScalarNode> DuplicateKeys,
    ImmutableArray<ScalarNode> RemovedKeys,
    SourceLocation Location) : YamlNode(Location)
{
    public static MappingNode Empty(SourceLocation location) => new([], [], [], location);

    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Name == key);

    public YamlNode? this[string key] => Find(key)?.Value;

    public override string Describe() => "a mapping";
}
