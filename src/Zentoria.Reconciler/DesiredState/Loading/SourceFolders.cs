using System.Collections.Immutable;
using Zentoria.Reconciler.DesiredState.Validation;

namespace Zentoria.Reconciler.DesiredState.Loading;

/// <summary>Finds and reads the YAML files of <c>base/</c> and <c>environments/&lt;env&gt;/</c>.</summary>
internal static class SourceFolders
{
    public const string BaseFolder = "base";
    public const string EnvironmentsFolder = "environments";

    public static ImmutableArray<string> EnvironmentsIn(string root)
    {
        var folder = Path.Join(root, EnvironmentsFolder);
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The files of one folder, sorted by name; unreadable files become errors.</summary>
    public static List<SourceFile> Read(string root, string relativeFolder, bool isOverlay, ErrorList errors)
    {
        var folder = Path.Join(root, relativeFolder);
        var files = new List<SourceFile>();
        if (!Directory.Exists(folder))
        {
            return files;
        }

        var names = Directory.GetFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => n.EndsWith(".yaml", StringComparison.Ordinal) || n.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var relative = $"{relativeFolder}/{name}";
            var display = Display(root, relative);
            try
            {
                files.Add(new SourceFile(display, relative, File.ReadAllText(Path.Join(root, relative)), isOverlay));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new SourceLocation(display, 0, 0), "", $"cannot read the file: {e.Message}");
            }
        }

        return files;
    }

    public static string Display(string root, string relative) => $"{root}/{relative}".Replace('\\', '/');
}
