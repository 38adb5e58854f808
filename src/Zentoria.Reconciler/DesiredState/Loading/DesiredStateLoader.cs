using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Binding;
using Zentoria.Reconciler.DesiredState.Validation;
using Zentoria.Reconciler.DesiredState.Yaml;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>
/// Loads one environment from a desired-state folder: <c>base/</c>, then <c>environments/&lt;env&gt;/</c> merged over
/// it, bound to the model and validated. Reads files and nothing else; every problem comes back as an error.
/// </summary>
internal static class DesiredStateLoader
{
    /// <param name="desiredStateRoot">The folder as the user typed it; error paths start with it.</param>
    public static DesiredStateLoadResult Load(string desiredStateRoot, string environment) => Load(Read(desiredStateRoot, environment));

    /// <summary>Parses, binds and validates what <see cref="Read"/> found; call it once per read.</summary>
    public static DesiredStateLoadResult Load(FolderRead read) =>
        read.Failure ?? Load(read.Files, read.Environment, read.EnvironmentFolder, read.Errors, read.ContentHash);

    /// <summary>Only reads the files (cheap next to parsing them), so a caller can skip an unchanged folder.</summary>
    /// <param name="desiredStateRoot">The folder as the user typed it; error paths start with it.</param>
    public static FolderRead Read(string desiredStateRoot, string environment)
    {
        var root = desiredStateRoot.Length > 1 ? desiredStateRoot.TrimEnd('/', '\\') : desiredStateRoot;
        try
        {
            return ReadFolder(root, environment);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(DesiredStateLoadResult.Failed([new ValidationError(new SourceLocation(root, 0, 0), "", $"cannot read the desired state: {e.Message}")]));
        }
    }

    private static FolderRead Failed(DesiredStateLoadResult failure) => new([], "", "", new ErrorList(), null, failure);

    private static FolderRead ReadFolder(string root, string environment)
    {
        var errors = new ErrorList();
        if (!Directory.Exists(root))
        {
            errors.Add(new SourceLocation(root, 0, 0), "", $"the desired-state folder '{root}' does not exist");
            return Failed(DesiredStateLoadResult.Failed(errors.ToSortedArray()));
        }

        var environments = SourceFolders.EnvironmentsIn(root);
        if (!environments.Contains(environment))
        {
            var known = environments.IsEmpty ? "there are none" : "the environments are: " + string.Join(", ", environments);
            errors.Add(new SourceLocation(SourceFolders.Display(root, SourceFolders.EnvironmentsFolder), 0, 0), "",
                $"environment '{environment}' does not exist; {known}");
            return Failed(DesiredStateLoadResult.Failed(errors.ToSortedArray()));
        }

        var environmentFolder = $"{SourceFolders.EnvironmentsFolder}/{environment}";
        var files = SourceFolders.Read(root, SourceFolders.BaseFolder, isOverlay: false, errors);
        files.AddRange(SourceFolders.Read(root, environmentFolder, isOverlay: true, errors));
        var hash = errors.Count == 0 ? RevisionHash.Full(files) : null;
        return new FolderRead(files, SourceFolders.Display(root, environmentFolder), environment, errors, hash, null);
    }

    private static DesiredStateLoadResult Load(List<SourceFile> files, string environment, string environmentFolder, ErrorList errors, string? contentHash)
    {
        var context = new BindingContext(errors, new FieldLocations());
        var baseDocuments = new List<Document>();
        var overlayDocuments = new List<Document>();
        var unreadable = false;
        foreach (var file in files)
        {
            var yaml = YamlReader.Read(file.Path, file.Text);
            errors.AddRange(yaml.Errors);
            unreadable |= !yaml.Errors.IsEmpty;
            foreach (var node in yaml.Documents)
            {
                if (EnvelopeReader.Read(node, file.IsOverlay, context) is { } document)
                {
                    (file.IsOverlay ? overlayDocuments : baseDocuments).Add(document);
                }
            }
        }

        // Without the documents of a file that does not parse, every reference to them would be reported too.
        if (unreadable)
        {
            return DesiredStateLoadResult.Failed(errors.ToSortedArray(), baseDocuments.Count + overlayDocuments.Count);
        }

        var merged = OverlayMerger.Merge(baseDocuments, overlayDocuments, errors);
        var state = DocumentBinder.Bind(merged, environment, environmentFolder, context);
        EnvironmentRule.Check(state, context);
        UniquenessRule.Check(state, context);
        ReferenceRule.Check(state, context);
        RouteRule.Check(state, context);
        DependencyCycleRule.Check(state, context);
        SandboxRule.Check(state, context);

        if (errors.Count > 0 || state.Environments.Length != 1)
        {
            return DesiredStateLoadResult.Failed(errors.ToSortedArray(), merged.Count);
        }

        var desired = new Desired(
            state.Environments[0],
            [.. state.Containers.OrderBy(c => c.Name.Value, StringComparer.Ordinal)],
            [.. state.Services.OrderBy(s => s.Name.Value, StringComparer.Ordinal)],
            [.. state.FeatureFlags.OrderBy(f => f.Name, StringComparer.Ordinal)],
            contentHash is null ? RevisionHash.Of(files) : RevisionHash.Short(contentHash));
        return new DesiredStateLoadResult(desired, ImmutableArray<ValidationError>.Empty, merged.Count);
    }
}
