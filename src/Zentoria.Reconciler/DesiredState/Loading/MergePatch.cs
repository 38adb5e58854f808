using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>
/// RFC 7396 JSON Merge Patch over YAML nodes: mappings merge key by key, a <c>null</c> value removes the key,
/// anything else (scalars, lists) replaces. Every node keeps the position it was written at, so an error in the
/// merged result points into base or into the overlay, wherever the value came from.
/// </summary>
internal static class MergePatch
{
    public static YamlNode Apply(YamlNode? target, YamlNode patch)
    {
        if (patch is not MappingNode patchMapping)
        {
            return patch;
        }

        var result = target is MappingNode targetMapping ? targetMapping.Entries.ToList() : [];
        var removed = (target as MappingNode)?.RemovedKeys.ToBuilder() ?? ImmutableArray.CreateBuilder<ScalarNode>();
        foreach (var entry in patchMapping.Entries)
        {
            var index = result.FindIndex(e => e.Name == entry.Name);
            if (entry.Value is ScalarNode { IsNull: true })
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                    removed.Add(entry.Key);
                }

                continue;
            }

            if (index >= 0)
            {
                result[index] = new MappingEntry(result[index].Key, Apply(result[index].Value, entry.Value));
            }
            else
            {
                result.Add(new MappingEntry(entry.Key, Apply(null, entry.Value)));
            }
        }

        var baseDuplicates = (target as MappingNode)?.DuplicateKeys ?? [];
        var location = (target as MappingNode)?.Location ?? patchMapping.Location;
        return new MappingNode([.. result], baseDuplicates.AddRange(patchMapping.DuplicateKeys), removed.ToImmutable(), location);
    }
}
