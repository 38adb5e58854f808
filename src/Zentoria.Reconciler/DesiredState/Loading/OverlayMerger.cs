using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>Applies an environment's documents over base, matched by (kind, metadata.name).</summary>
internal static class OverlayMerger
{
    /// <summary>Base documents must be unique by (kind, name); overlay documents are patches applied in order.</summary>
    public static List<Document> Merge(IReadOnlyList<Document> baseDocuments, IReadOnlyList<Document> overlay, ErrorList errors)
    {
        // Looked up by (kind, name) rather than searched: thousands of documents must not cost a quadratic load.
        var merged = new List<Document?>(Unique(baseDocuments, errors));
        var positions = new Dictionary<(string Kind, string Name), int>();
        for (var i = 0; i < merged.Count; i++)
        {
            positions[(merged[i]!.Kind, merged[i]!.Name)] = i;
        }

        // Overlay documents apply one after another in file order, so an environment may spread its changes to one
        // document over several files (addresses in one, sizes in another).
        foreach (var document in overlay)
        {
            var key = (document.Kind, document.Name);
            var found = positions.TryGetValue(key, out var index);
            if (document.Delete)
            {
                if (found)
                {
                    merged[index] = null;
                    positions.Remove(key);
                }
                else
                {
                    errors.Add(document.NameLocation, document.Path, $"$patch: delete names no {document.Kind} '{document.Name}' in base");
                }
            }
            else if (found)
            {
                var root = (MappingNode)MergePatch.Apply(merged[index]!.Root, document.Root);
                merged[index] = merged[index]! with { Root = root };
            }
            else
            {
                positions[key] = merged.Count;
                merged.Add(document with { Root = (MappingNode)MergePatch.Apply(null, document.Root) });
            }
        }

        return [.. merged.OfType<Document>()];
    }

    private static List<Document> Unique(IReadOnlyList<Document> documents, ErrorList errors)
    {
        var unique = new List<Document>();
        var first = new Dictionary<(string Kind, string Name), Document>();
        foreach (var document in documents)
        {
            if (first.TryAdd((document.Kind, document.Name), document))
            {
                unique.Add(document);
            }
            else
            {
                var earlier = first[(document.Kind, document.Name)];
                errors.Add(document.NameLocation, document.Path,
                    $"{document.Kind} '{document.Name}' is defined twice; the first is at {earlier.NameLocation}");
            }
        }

        return unique;
    }
}
