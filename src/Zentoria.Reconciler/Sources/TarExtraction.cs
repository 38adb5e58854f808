using System.Formats.Tar;

namespace Zentoria.Reconciler.Sources;

/// <summary>Unpacks a <c>git archive</c> tar: regular files and folders only, never outside the target.</summary>
internal static class TarExtraction
{
    /// <remarks>
    /// Symbolic links are skipped: one pointing at <c>/etc</c> would let a commit make the loader read (and echo
    /// in an error) any file the operator can read.
    /// </remarks>
    public static void Extract(string tarFile, string target)
    {
        var root = Path.GetFullPath(target) + Path.DirectorySeparatorChar;
        using var stream = File.OpenRead(tarFile);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            var path = Path.GetFullPath(Path.Combine(root, entry.Name));
            if (!path.StartsWith(root, StringComparison.Ordinal))
            {
                continue;
            }

            if (entry.EntryType == TarEntryType.Directory)
            {
                Directory.CreateDirectory(path);
            }
            else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path, overwrite: false);
            }
        }
    }
}
