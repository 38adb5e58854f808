using Zentoria.Reconciler.DesiredState.Binding;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>Checks what every document starts with: <c>apiVersion</c>, <c>kind</c>, <c>metadata.name</c>, <c>spec</c>.</summary>
internal static class EnvelopeReader
{
    public const string PatchKey = "$patch";

    private static readonly string[] TopLevelKeys = ["apiVersion", "kind", "metadata", "spec", PatchKey];
    private static readonly string[] MetadataKeys = ["name"];

    /// <returns>The document, or null when its kind or name is unusable (the errors say why).</returns>
    public static Document? Read(YamlNode node, bool isOverlay, BindingContext context)
    {
        if (node is not MappingNode root)
        {
            var found = node is ScalarNode { IsNull: true } ? "the document is empty" : $"found {node.Describe()}";
            context.Errors.Add(node.Location, "", $"a document must be a mapping with apiVersion, kind, metadata and spec; {found}");
            return null;
        }

        var top = new MappingReader(root, "", root.Location, context, TopLevelKeys);
        var apiVersion = top.String("apiVersion", required: true);
        if (apiVersion is not null and not DocumentKinds.ApiVersion)
        {
            top.Error("apiVersion", $"'{apiVersion}' is not supported; use '{DocumentKinds.ApiVersion}'");
        }

        var kind = top.String("kind", required: true);
        if (kind is not null && !DocumentKinds.All.Contains(kind))
        {
            top.Error("kind", $"'{kind}' is not a kind; expected one of {string.Join(", ", DocumentKinds.All)}{Suggestions.DidYouMean(kind, DocumentKinds.All)}");
            kind = null;
        }

        var metadata = top.Mapping("metadata", MetadataKeys, required: true);
        var name = metadata.Exists ? metadata.String("name", required: true, Formats.CheckName) : null;
        var delete = ReadPatch(top, isOverlay);
        if (!delete && !top.Has("spec"))
        {
            top.Missing("spec");
        }

        return kind is null || name is null ? null : new Document(kind, name, root, delete, metadata.LocationOf("name"));
    }

    private static bool ReadPatch(MappingReader top, bool isOverlay)
    {
        var patch = top.String(PatchKey);
        if (patch is null)
        {
            return false;
        }

        if (!isOverlay)
        {
            top.Error(PatchKey, "only an environment overlay can delete a document; remove the document from base instead");
            return false;
        }

        if (patch != "delete")
        {
            top.Error(PatchKey, $"'{patch}' is not a patch directive; the only one is 'delete'");
            return false;
        }

        return true;
    }
}
