namespace Zentoria.Reconciler.Tests.DesiredState;

/// <summary>
/// A desired-state folder in a temporary directory: a copy of the minimal valid stack (Corpus/minimal) with some
/// files replaced, added or removed. Errors print paths as <c>desired-state/base/...</c> once
/// <see cref="Relative"/> strips the temporary directory.
/// </summary>
internal sealed class DesiredStateFolder : IDisposable
{
    private DesiredStateFolder(string workDirectory)
    {
        WorkDirectory = workDirectory;
        Root = Path.Join(workDirectory, "desired-state");
    }

    public string WorkDirectory { get; }

    /// <summary>The <c>desired-state</c> folder to pass to the loader.</summary>
    public string Root { get; }

    public static string CorpusDirectory => Path.Join(TestContext.CurrentContext.TestDirectory, "Corpus");

    public static DesiredStateFolder FromMinimal(IReadOnlyDictionary<string, string>? files = null, IEnumerable<string>? remove = null)
    {
        var folder = new DesiredStateFolder(Path.Join(Path.GetTempPath(), "zentoria-tests", Guid.NewGuid().ToString("N")));
        CopyDirectory(Path.Join(CorpusDirectory, "minimal", "desired-state"), folder.Root);
        foreach (var relative in remove ?? [])
        {
            File.Delete(Path.Join(folder.Root, relative));
        }

        foreach (var (relative, text) in files ?? new Dictionary<string, string>())
        {
            folder.Write(relative, text);
        }

        return folder;
    }

    /// <summary>The minimal stack with a corpus case laid over it: its <c>desired-state/</c> files and <c>remove.txt</c>.</summary>
    public static DesiredStateFolder FromCase(string caseDirectory)
    {
        var removeList = Path.Join(caseDirectory, "remove.txt");
        var folder = FromMinimal(remove: File.Exists(removeList) ? File.ReadAllLines(removeList).Where(l => l.Length > 0) : []);
        var overlay = Path.Join(caseDirectory, "desired-state");
        if (Directory.Exists(overlay))
        {
            CopyDirectory(overlay, folder.Root);
        }

        return folder;
    }

    public void Write(string relative, string text)
    {
        var path = Path.Join(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Relative(string line) => line.Replace(WorkDirectory + "/", "", StringComparison.Ordinal);

    public void Dispose() => Directory.Delete(WorkDirectory, recursive: true);

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
