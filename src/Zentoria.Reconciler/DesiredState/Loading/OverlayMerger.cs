using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>Applies an environment's documents over base, matched by (kind, metadata.name).</summary>
internal static class OverlayMerger
{
    /// <summary>Base documents must be unique by (kind, name); overlay documents are patches applied in order.</summary>
    public static List<Document> Merge(IReadOnlyList<Document> baseDocuments, IReadOnlyList<Document> overlay, ErrorList errors)
    {
        var merged = Unique(baseDocuments, errors);
        // Overlay documents apply one after another in file order, so an environment may spread its changes to one
        // document over several files (addresses in one, sizes in another).
        foreach (var document in overlay)
        {
            var index = merged.FindIndex(d => d.Kind == document.Kind && d.Name == document.Name);
            if (document.Delete)
            {
                if (index >= 0)
                {
                    merged.RemoveAt(index);
                }
                else
                {
                    errors.Add(document.NameLocation, document.Path, $"$patch: delete names no {document.Kind} '{document.Name}' in base");
                }
            }
            else if (index >= 0)
            {
                var root = (MappingNode)MergePatch.Apply(merged[index].Root, document.Root);
                merged[index] = merged[index] with { Root = root };
            }
            else
            {
                merged.Add(document with { Root = (MappingNode)MergePatch.Apply(null, document.Root) });
            }
        }

        return merged;
    }

    private static List<Document> Unique(IReadOnlyList<Document> documents, ErrorList errors)
    {
        var unique = new List<Document>();
        foreach (var document in documents)
        {
            var first = unique.Find(d => d.Kind == document.Kind && d.Name == document.Name);
            if (first is null)
            {
                unique.Add(document);
            }
            else
            {
                errors.Add(document.NameLocation, document.Path,
                    $"{document.Kind} '{document.Name}' is defined twice; the first is at {first.NameLocation}");
            }
        }

        return unique;
    }
}
